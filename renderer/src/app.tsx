import { Button, FluentProvider, makeStaticStyles, makeStyles, tokens, typographyStyles, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { LocalLanguage20Regular } from '@fluentui/react-icons/svg/local-language';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBundleDrop } from './bundle/use-bundle-drop';
import { ViewerBanner } from './bundle/viewer-banner';
import { ViewerNotice } from './bundle/viewer-notice';
import { StepOverview } from './components/step-overview';
import { RunningScreen } from './screens/running-screen';
import { SectionScreen } from './screens/section-screen';
import { StartScreen } from './screens/start-screen';
import { SummaryScreen } from './screens/summary-screen';
import { selectActions, selectInfo, selectLang, selectStatus, selectStep } from './store/selectors';
import { sectionOf } from './store/steps';
import { useWizard } from './store/store-context';
import { useColorScheme } from './theme/use-color-scheme';

const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
  '*, *::before, *::after': { boxSizing: 'border-box' },
});

const BANNER_HEIGHT = '68px';

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'grid', gridTemplateRows: `${BANNER_HEIGHT} 1fr` },
  // Banner and step overview stay in view while a long step scrolls the page.
  banner: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    height: BANNER_HEIGHT,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  brand: { display: 'flex', flexDirection: 'column', flexGrow: 1 },
  appName: { ...typographyStyles.subtitle1, margin: 0 },
  tagline: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
  version: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  body: { display: 'grid', gridTemplateColumns: 'minmax(220px, 270px) 1fr', alignItems: 'start' },
  side: {
    position: 'sticky',
    top: BANNER_HEIGHT,
    maxHeight: `calc(100vh - ${BANNER_HEIGHT})`,
    overflowY: 'auto',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  main: { padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXXL}`, minWidth: 0 },
  content: { maxWidth: '880px' },
  message: { ...typographyStyles.body1, padding: tokens.spacingHorizontalXXL },
  // Shown while files are dragged over the window; it must not catch the drop itself.
  dropHint: {
    position: 'fixed',
    inset: tokens.spacingHorizontalL,
    zIndex: 2,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    pointerEvents: 'none',
    border: `3px dashed ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackgroundAlpha2,
    ...typographyStyles.title3,
    color: tokens.colorNeutralForeground1,
  },
});

/** The app frame: banner with name, version and language, the step overview, the current step. */
export function App() {
  useGlobalStyles();
  const styles = useStyles();
  const scheme = useColorScheme();
  const { t, i18n } = useTranslation();
  const status = useWizard(selectStatus);
  const info = useWizard(selectInfo);
  const lang = useWizard(selectLang);
  const step = useWizard(selectStep);
  const { setLang } = useWizard(selectActions);
  const dragging = useBundleDrop();

  useEffect(() => {
    void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
  }, [i18n, lang]);

  const section = sectionOf(step);
  const stepLabel = section ? t(`section/${section}`) : t(`ui/steps/${step}`);
  useEffect(() => {
    document.title = t('ui/documentTitle', { step: stepLabel });
  }, [t, stepLabel]);

  return (
    // Layout lives on an inner element: Fluent copies the provider's classes onto its portal
    // mount nodes (tooltips), which must not become full-height grids over the page.
    <FluentProvider theme={scheme === 'dark' ? webDarkTheme : webLightTheme}>
      <div className={styles.root}>
        <header className={styles.banner}>
          <div className={styles.brand}>
            <p className={styles.appName}>{t('ui/appName')}</p>
            <p className={styles.tagline}>{t('ui/tagline')}</p>
          </div>
          {info && <span className={styles.version}>{t('ui/version', { version: info.version })}</span>}
          <Button
            appearance="subtle"
            icon={<LocalLanguage20Regular />}
            lang={lang === 'de' ? 'en' : 'de'}
            aria-label={t('ui/switchLanguageLabel')}
            onClick={() => setLang(lang === 'de' ? 'en' : 'de')}
          >
            {t('ui/switchLanguage')}
          </Button>
        </header>
        <div className={styles.body}>
          <div className={styles.side}>
            <StepOverview />
          </div>
          <main className={styles.main}>
            <div className={styles.content}>
              {status === 'booting' && <p className={styles.message}>{t('ui/loading')}</p>}
              {status === 'broken' && (
                <p role="alert" className={styles.message}>
                  {t('ui/connectFailed')}
                </p>
              )}
              {status === 'ready' && (
                <>
                  <ViewerNotice />
                  <ViewerBanner />
                  <CurrentStep />
                </>
              )}
            </div>
          </main>
        </div>
        {dragging && status === 'ready' && <div className={styles.dropHint}>{t('ui/viewer/dropHere')}</div>}
      </div>
    </FluentProvider>
  );
}

// The monitor's screen (with its chart library) loads when first opened: the start screen paints without it.
const MonitorScreen = lazy(() => import('./screens/monitor-screen').then((m) => ({ default: m.MonitorScreen })));

function CurrentStep() {
  const step = useWizard(selectStep);
  const section = sectionOf(step);
  if (section) return <SectionScreen key={section} section={section} />;
  if (step === 'running') return <RunningScreen />;
  if (step === 'summary') return <SummaryScreen />;
  if (step === 'monitor') {
    return (
      <Suspense fallback={null}>
        <MonitorScreen />
      </Suspense>
    );
  }
  return <StartScreen />;
}
