import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/model/severity';

const useStyles = makeStyles({
  housing: {
    display: 'inline-flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '8px',
    borderRadius: '14px',
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  lamp: { width: '28px', height: '28px', borderRadius: '50%', backgroundColor: tokens.colorNeutralBackground5, opacity: 0.5 },
  red: { backgroundColor: tokens.colorPaletteRedBackground3, opacity: 1 },
  yellow: { backgroundColor: tokens.colorPaletteYellowBackground3, opacity: 1 },
  green: { backgroundColor: tokens.colorPaletteGreenBackground3, opacity: 1 },
});

const COLOUR: Record<Verdict, 'red' | 'yellow' | 'green'> = { problem: 'red', warning: 'yellow', ok: 'green' };

/** The verdict as a traffic light, with its meaning as text for assistive technology. */
export function TrafficLight({ verdict }: { verdict: Verdict }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const lit = COLOUR[verdict];
  return (
    <div
      role="img"
      data-verdict={verdict}
      aria-label={t('ui/summary/trafficLight', { color: t(`ui/summary/light/${lit}`), verdict: t(`verdict/${verdict}`) })}
      className={styles.housing}
    >
      {(['red', 'yellow', 'green'] as const).map((colour) => (
        <span key={colour} className={mergeClasses(styles.lamp, colour === lit && styles[colour])} />
      ))}
    </div>
  );
}
