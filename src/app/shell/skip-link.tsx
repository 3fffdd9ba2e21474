import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  link: {
    position: 'absolute',
    left: tokens.spacingHorizontalM,
    top: '-100px',
    zIndex: 100,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    fontWeight: tokens.fontWeightSemibold,
    ':focus': { top: tokens.spacingVerticalS, outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

/** First tab stop on every page: jumps past the header and step list to the page content. */
export function SkipLink({ targetId }: { targetId: string }) {
  return (
    <a className={useStyles().link} href={`#${targetId}`}>
      Skip to main content
    </a>
  );
}
