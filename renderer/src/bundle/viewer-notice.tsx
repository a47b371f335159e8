import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons/svg/dismiss';
import { useTranslation } from 'react-i18next';
import { selectActions, selectLang, selectViewer } from '../store/selectors';
import { useWizard } from '../store/store-context';

const useStyles = makeStyles({
  item: { marginBottom: tokens.spacingVerticalL },
});

/**
 * Opening a bundle, wherever it started (button, menu, drop): that it is under way, or why it
 * did not open, in the reader's own words (German or English).
 */
export function ViewerNotice() {
  const styles = useStyles();
  const { t } = useTranslation();
  const viewer = useWizard(selectViewer);
  const lang = useWizard(selectLang);
  const { dismissViewerProblem } = useWizard(selectActions);
  const { problem } = viewer;
  return (
    <div aria-live="polite">
      {viewer.opening && <Spinner className={styles.item} size="small" labelPosition="after" label={t('ui/viewer/opening')} />}
      {problem && (
        <MessageBar className={styles.item} intent="error" layout="multiline" role="alert" data-open-problem="">
          <MessageBarBody>{t('ui/viewer/openFailed', { message: 'message' in problem ? problem.message[lang] : t(problem.key, problem.args) })}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label={t('ui/viewer/dismiss')} icon={<Dismiss20Regular />} onClick={dismissViewerProblem} />}
          />
        </MessageBar>
      )}
    </div>
  );
}
