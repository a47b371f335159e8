import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  heading: { ...typographyStyles.title2, margin: 0, outlineStyle: 'none', ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  eyebrow: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: `0 0 ${tokens.spacingVerticalXS}` },
});

/**
 * A step's main heading. It takes the focus when the step opens (after the first one), so
 * keyboard and screen-reader users start reading at the top of the new step.
 */
export function StepHeading({ children, eyebrow, id, focusOnMount = true }: { children: ReactNode; eyebrow?: string; id?: string; focusOnMount?: boolean }) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <header>
      {eyebrow && <p className={styles.eyebrow}>{eyebrow}</p>}
      <h1 ref={ref} id={id} tabIndex={-1} className={styles.heading}>
        {children}
      </h1>
    </header>
  );
}
