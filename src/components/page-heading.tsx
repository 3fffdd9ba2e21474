import { makeStyles, tokens, Title1 } from '@fluentui/react-components';
import { PRODUCT_NAME } from '../config/product.ts';

const useStyles = makeStyles({
  heading: {
    margin: `0 0 ${tokens.spacingVerticalM}`,
    // Focus is moved here programmatically on navigation; an outline would only confuse mouse users.
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

/**
 * The page's one h1, which also sets the document title. The shell focuses it after each navigation so
 * screen readers announce the new page.
 */
export function PageHeading({ children }: { children: string }) {
  const styles = useStyles();
  return (
    <>
      <title>{`${children} · ${PRODUCT_NAME}`}</title>
      <Title1 as="h1" id="page-heading" tabIndex={-1} className={styles.heading}>
        {children}
      </Title1>
    </>
  );
}
