import { Button, Field, Input, Link, makeStyles, MessageBar, MessageBarBody, tokens, typographyStyles } from '@fluentui/react-components';
import { FolderOpen20Regular } from '@fluentui/react-icons/svg/folder-open';
import { Play20Regular } from '@fluentui/react-icons/svg/play';
import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_EMAIL_INPUT, MAX_SERVER_INPUT } from '../../../shared/ipc/limits';
import { StepHeading } from '../components/step-heading';
import type { FieldProblem } from '../start/input-check';
import { selectActions, selectForm, selectFormProblems, selectHasRun, selectPrefilled } from '../store/selectors';
import { useWizard } from '../store/store-context';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  intro: { ...typographyStyles.body1, margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  privacy: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
  suggestion: { display: 'inline-flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  open: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
    marginTop: tokens.spacingVerticalL,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  openTitle: { ...typographyStyles.subtitle2, margin: 0 },
});

/**
 * Start: the mailbox address and/or the server, checked as the user submits (the shared
 * validation, with a plain-words reason and a suggested fix for typos), then "Prüfung starten".
 */
export function StartScreen() {
  const styles = useStyles();
  const { t } = useTranslation();
  const form = useWizard(selectForm);
  const prefilled = useWizard(selectPrefilled);
  const problems = useWizard(selectFormProblems);
  const hasRun = useWizard(selectHasRun);
  const { setField, start, openBundle } = useWizard(selectActions);
  const emailRef = useRef<HTMLInputElement>(null);
  const serverRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await start();
    // Leads keyboard users straight to what needs fixing.
    if (outcome.ok) return;
    if (outcome.problems.email || outcome.problems.form) emailRef.current?.focus();
    else if (outcome.problems.server) serverRef.current?.focus();
  };

  const message = (field: 'email' | 'server', problem: FieldProblem | undefined) =>
    problem ? (
      <span className={styles.suggestion}>
        <span>{t(problem.key)}</span>
        {problem.suggestion && (
          <>
            <span>{t('ui/start/suggestion', { value: problem.suggestion })}</span>
            <Link as="button" type="button" onClick={() => setField(field, problem.suggestion!)}>
              {t('ui/start/useSuggestion')}
            </Link>
          </>
        )}
      </span>
    ) : prefilled[field] ? (
      t('ui/start/prefilled')
    ) : undefined;

  return (
    <section className={styles.screen} aria-labelledby="start-title">
      <StepHeading id="start-title" focusOnMount={hasRun}>
        {t('ui/start/title')}
      </StepHeading>
      <p className={styles.intro}>{t('ui/start/intro')}</p>
      <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label={t('ui/start/emailLabel')}
          hint={t('ui/start/emailHint')}
          validationState={problems.email ? 'error' : prefilled.email ? 'warning' : 'none'}
          validationMessage={message('email', problems.email)}
        >
          <Input
            ref={emailRef}
            type="email"
            name="email"
            autoComplete="email"
            spellCheck={false}
            maxLength={MAX_EMAIL_INPUT}
            value={form.email}
            onChange={(_e, data) => setField('email', data.value)}
          />
        </Field>
        <Field
          label={t('ui/start/serverLabel')}
          hint={t('ui/start/serverHint')}
          validationState={problems.server ? 'error' : prefilled.server ? 'warning' : 'none'}
          validationMessage={message('server', problems.server)}
        >
          <Input
            ref={serverRef}
            name="server"
            autoComplete="off"
            spellCheck={false}
            maxLength={MAX_SERVER_INPUT}
            value={form.server}
            onChange={(_e, data) => setField('server', data.value)}
          />
        </Field>
        {problems.form && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t(problems.form.key, problems.form.args)}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" size="large" icon={<Play20Regular />}>
            {t('ui/start/submit')}
          </Button>
        </div>
        <p className={styles.privacy}>{t('ui/start/privacy')}</p>
      </form>
      <div className={styles.open}>
        <h2 className={styles.openTitle}>{t('ui/viewer/open')}</h2>
        <p id="open-bundle-hint" className={styles.intro}>
          {t('ui/viewer/openHint')}
        </p>
        <Button icon={<FolderOpen20Regular />} aria-describedby="open-bundle-hint" onClick={() => void openBundle()}>
          {t('ui/viewer/open')}
        </Button>
      </div>
    </section>
  );
}
