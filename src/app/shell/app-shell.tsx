import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { WriteLockBanner } from '../../components/write-lock-banner.tsx';
import { steps } from '../steps.ts';
import { ProductHeader } from './product-header.tsx';
import { SkipLink } from './skip-link.tsx';
import { StepNav } from './step-nav.tsx';

const MAIN_ID = 'main';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  body: {
    flexGrow: 1,
    display: 'grid',
    gridTemplateColumns: '272px minmax(0, 1fr)',
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  aside: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  main: {
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}`,
    maxWidth: '1040px',
    width: '100%',
    boxSizing: 'border-box',
    ':focus': { outline: 'none' },
  },
});

/** Moves focus to the new page's heading after client-side navigation, as a full page load would reset it. */
function useFocusHeadingOnNavigate(pathname: string) {
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const heading = document.getElementById('page-heading');
    if (heading) {
      heading.focus();
      return;
    }
    // A step visited for the first time loads its chunk first: focus its heading when it appears.
    const observer = new MutationObserver(() => {
      const appeared = document.getElementById('page-heading');
      if (!appeared) return;
      observer.disconnect();
      appeared.focus();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const giveUp = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      clearTimeout(giveUp);
      observer.disconnect();
    };
  }, [pathname]);
}

export function AppShell() {
  const styles = useStyles();
  const { pathname } = useLocation();
  const current = steps.find((step) => step.path === pathname);
  useFocusHeadingOnNavigate(pathname);
  return (
    <div className={styles.page}>
      <SkipLink targetId={MAIN_ID} />
      <ProductHeader />
      <div className={styles.body}>
        <div className={styles.aside}>
          <StepNav currentId={current?.id} />
        </div>
        <main id={MAIN_ID} tabIndex={-1} className={styles.main}>
          <WriteLockBanner />
          <Outlet />
        </main>
      </div>
    </div>
  );
}
