import { makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled } from '@fluentui/react-icons/svg/checkmark-circle';
import { Circle20Regular } from '@fluentui/react-icons/svg/circle';
import { ErrorCircle20Filled } from '@fluentui/react-icons/svg/error-circle';
import { Info20Filled } from '@fluentui/react-icons/svg/info';
import { SubtractCircle20Regular } from '@fluentui/react-icons/svg/subtract-circle';
import { Warning20Filled } from '@fluentui/react-icons/svg/warning';
import type { SectionStatus } from '../../../shared/model/sections';
import type { Severity } from '../../../shared/model/severity';

const useStyles = makeStyles({
  icon: { display: 'inline-flex', flexShrink: 0, fontSize: '20px', lineHeight: 0 },
  ok: { color: tokens.colorStatusSuccessForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  problem: { color: tokens.colorStatusDangerForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  neutral: { color: tokens.colorNeutralForeground3 },
});

/**
 * The icon of a status or severity, with its meaning as the accessible name: colour and shape
 * are never the only carrier of the information.
 */
function StatusGlyph({ kind, label }: { kind: 'ok' | 'warning' | 'problem' | 'info' | 'not-checked' | 'waiting'; label: string }) {
  const styles = useStyles();
  const glyph = {
    ok: <CheckmarkCircle20Filled />,
    warning: <Warning20Filled />,
    problem: <ErrorCircle20Filled />,
    info: <Info20Filled />,
    'not-checked': <SubtractCircle20Regular />,
    waiting: <Circle20Regular />,
  }[kind];
  const colour = kind === 'not-checked' || kind === 'waiting' ? styles.neutral : styles[kind];
  // Without a label the icon only repeats the text beside it: hidden from assistive technology.
  return label ? (
    <span role="img" aria-label={label} className={`${styles.icon} ${colour}`}>
      {glyph}
    </span>
  ) : (
    <span aria-hidden="true" className={`${styles.icon} ${colour}`}>
      {glyph}
    </span>
  );
}

export function SectionStatusIcon({ status, label }: { status: SectionStatus; label: string }) {
  return <StatusGlyph kind={status} label={label} />;
}

export function SeverityIcon({ severity, label }: { severity: Severity; label: string }) {
  return <StatusGlyph kind={severity} label={label} />;
}

export function WaitingIcon({ label }: { label: string }) {
  return <StatusGlyph kind="waiting" label={label} />;
}
