import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens, typographyStyles } from '@fluentui/react-components';
import { ArrowUndo20Regular } from '@fluentui/react-icons/svg/arrow-undo';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../report/format-bytes';
import { selectActions, selectLang, selectViewed } from '../store/selectors';
import { useWizard } from '../store/store-context';

const useStyles = makeStyles({
  banner: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalXL },
  line: { display: 'block', marginTop: tokens.spacingVerticalXXS },
  meta: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0, overflowWrap: 'anywhere' },
  problems: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: '1.2em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/**
 * Above every result screen while someone else's bundle is shown: whose it is, when and with
 * which version it was made, whether it was anonymised, whether its checksums hold (every
 * problem listed, never hidden), and the way back to the user's own check.
 */
export function ViewerBanner() {
  const styles = useStyles();
  const { t } = useTranslation();
  const bundle = useWizard(selectViewed);
  const lang = useWizard(selectLang);
  const { closeBundle } = useWizard(selectActions);
  if (!bundle) return null;

  const { report, origin, verification } = bundle;
  const who = report.input.email ?? report.input.server ?? t('ui/viewer/unknownWho');
  const created = new Date(origin.createdAt);
  const when = Number.isNaN(created.getTime()) ? origin.createdAt : created.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB');
  const anonymized = origin.anonymized === null ? t('ui/viewer/anonymizedUnknown') : origin.anonymized ? t('ui/viewer/anonymized') : t('ui/viewer/notAnonymized');
  const verified = bundle.entries.filter((e) => e.status === 'verified').length;

  return (
    <section className={styles.banner} aria-label={t('ui/viewer/title')} data-viewer-banner="" data-verification={verification.status}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('ui/viewer/title')}</MessageBarTitle>
          <span className={styles.line} data-origin="">
            {t('ui/viewer/origin', { who, when, version: origin.toolVersion })} {anonymized}
          </span>
          <span className={`${styles.line} ${styles.meta}`}>{t('ui/viewer/file', { name: bundle.fileName, size: formatBytes(bundle.fileBytes, lang) })}</span>
        </MessageBarBody>
      </MessageBar>
      {verification.status === 'verified' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('ui/viewer/verified', { count: verified })}</MessageBarBody>
        </MessageBar>
      )}
      {verification.status === 'no-manifest' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('ui/viewer/noManifest')}</MessageBarBody>
        </MessageBar>
      )}
      {verification.problems.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-verification-problems="">
          <MessageBarBody>
            {verification.status === 'problems' && t('ui/viewer/problems')}
            <ul className={styles.problems}>
              {verification.problems.map((p) => (
                <li key={`${p.kind}:${p.entry}`}>{p.message[lang]}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button icon={<ArrowUndo20Regular />} onClick={closeBundle}>
          {t('ui/viewer/back')}
        </Button>
      </div>
    </section>
  );
}
