import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Switch,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { FolderOpen20Regular } from '@fluentui/react-icons/svg/folder-open';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ANONYMIZATION_KINDS, REDACTION_KINDS } from '../../../shared/bundle/bundle-input';
import { ModalDialog } from '../components/modal-dialog';
import { formatBytes } from '../report/format-bytes';
import { selectActions, selectExporting, selectInfo, selectLang } from '../store/selectors';
import { useWizard } from '../store/store-context';

const useStyles = makeStyles({
  title: { ...typographyStyles.subtitle1, margin: `0 0 ${tokens.spacingVerticalM}` },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXL },
  text: { ...typographyStyles.body1, margin: 0 },
  hint: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
  subTitle: { ...typographyStyles.subtitle2, margin: 0 },
  switchBlock: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  tableWrap: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { borderCollapse: 'collapse', width: '100%', ...typographyStyles.caption1 },
  caption: { ...typographyStyles.body1Strong, textAlign: 'start', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
  th: { textAlign: 'start', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  td: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top' },
  name: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  size: { textAlign: 'end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  path: { overflowWrap: 'anywhere' },
  saved: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

/**
 * "Diagnosepaket speichern": what goes into the zip before anything is saved (every entry with
 * its description and size, what is removed, the "Anonymisieren" switch, where the file goes),
 * then saving with progress and a plain outcome.
 */
export function ExportDialog() {
  const styles = useStyles();
  const { t } = useTranslation();
  const exporting = useWizard(selectExporting);
  const lang = useWizard(selectLang);
  const info = useWizard(selectInfo);
  const { closeExport, setAnonymize, saveBundle, revealBundle } = useWizard(selectActions);
  const hintId = useId();
  const titleId = useId();
  const { preview, phase, progress, saved, error } = exporting;
  const saving = phase === 'saving';

  const counted = <K extends string>(kinds: readonly K[], counts: Record<K, number> | null | undefined, prefix: string) =>
    kinds.filter((k) => (counts?.[k] ?? 0) > 0).map((k) => `${counts![k]} × ${t(`${prefix}/${k}`)}`).join(', ');
  const redacted = counted(REDACTION_KINDS, preview?.redactions, 'bundle/redaction');
  const anonymized = counted(ANONYMIZATION_KINDS, preview?.anonymizations, 'bundle/anonymization');
  const name = preview?.suggestedName ?? '';

  return (
    <ModalDialog open={exporting.open} onClose={closeExport} dismissible={!saving} labelledBy={titleId}>
      <div data-export-dialog="">
        <h2 id={titleId} className={styles.title}>
          {t('ui/export/title')}
        </h2>
        <div className={styles.content}>
          <p className={styles.text}>{t('ui/export/intro')}</p>
          <div className={styles.switchBlock}>
            <Switch
              checked={exporting.anonymize}
              disabled={saving}
              label={t('ui/export/anonymize')}
              aria-describedby={hintId}
              onChange={(_event, data) => setAnonymize(data.checked)}
            />
            <p id={hintId} className={styles.hint}>
              {t('ui/export/anonymizeHint')}
            </p>
          </div>

          {preview ? (
            <div className={styles.tableWrap} aria-busy={exporting.loading}>
              <table className={styles.table} data-bundle-preview="">
                <caption className={styles.caption}>{t('ui/export/contentsLabel')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={styles.th}>
                      {t('ui/export/column/name')}
                    </th>
                    <th scope="col" className={styles.th}>
                      {t('ui/export/column/description')}
                    </th>
                    <th scope="col" className={`${styles.th} ${styles.size}`}>
                      {t('ui/export/column/size')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.entries.map((entry) => (
                    <tr key={entry.name} data-entry={entry.name}>
                      <th scope="row" className={`${styles.td} ${styles.name}`}>
                        {entry.name}
                      </th>
                      <td className={styles.td}>{entry.description}</td>
                      <td className={`${styles.td} ${styles.size}`}>{formatBytes(entry.bytes, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            exporting.loading && <Spinner size="small" label={t('ui/export/loading')} />
          )}
          {preview && <p className={styles.hint}>{t('ui/export/total', { size: formatBytes(preview.totalBytes, lang) })}</p>}

          {preview && (
            <div data-redaction-summary="">
              <h3 className={styles.subTitle}>{t('ui/export/redactedTitle')}</h3>
              <p className={styles.text}>{t('ui/export/redactedAlways')}</p>
              <p className={styles.text}>{redacted ? t('ui/export/redactedFound', { list: redacted }) : t('ui/export/redactedNone')}</p>
              {preview.anonymized && (
                <p className={styles.text} data-anonymized="">
                  {anonymized ? t('ui/export/anonymizedCounts', { list: anonymized }) : t('ui/export/anonymizedNone')}
                </p>
              )}
            </div>
          )}
          {preview && <p className={styles.hint}>{info?.shell === 'web' ? t('ui/export/whereDownload', { name }) : t('ui/export/whereFile', { name })}</p>}

          <div aria-live="polite">
            {saving && (
              <div>
                <ProgressBar
                  aria-label={t('ui/export/progressLabel')}
                  value={progress ? (progress.index + 1) / Math.max(1, progress.total) : undefined}
                />
                {progress && <p className={styles.hint}>{t('ui/export/saving', { index: progress.index + 1, total: progress.total, entry: progress.entry })}</p>}
              </div>
            )}
            {phase === 'saved' && saved && (
              <MessageBar intent="success" layout="multiline">
                <MessageBarBody className={styles.saved}>
                  <span className={styles.path}>
                    {saved.kind === 'file' ? t('ui/export/savedFile', { path: saved.path }) : t('ui/export/savedDownload', { name: saved.fileName })}
                  </span>
                  {saved.kind === 'file' && (
                    <Button size="small" icon={<FolderOpen20Regular />} onClick={() => void revealBundle()}>
                      {t('ui/export/reveal')}
                    </Button>
                  )}
                </MessageBarBody>
              </MessageBar>
            )}
            {phase === 'failed' && error && (
              <MessageBar intent="error" layout="multiline" role="alert">
                <MessageBarBody>{t(error.key, error.args)}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        </div>
        <div className={styles.actions}>
          {phase === 'saved' ? (
            <Button appearance="primary" onClick={closeExport}>
              {t('ui/export/close')}
            </Button>
          ) : (
            <>
              <Button appearance="primary" disabled={!preview || saving} onClick={() => void saveBundle()}>
                {t('ui/export/save')}
              </Button>
              <Button disabled={saving} onClick={closeExport}>
                {t('ui/export/cancel')}
              </Button>
            </>
          )}
        </div>
      </div>
    </ModalDialog>
  );
}
