import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { toAzureError } from '../azure/errors.ts';
import { ErrorPanel } from '../components/error-panel.tsx';
import { PageHeading } from '../components/page-heading.tsx';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalL, alignItems: 'center' },
});

/** Error boundary of every route: the failure is shown with its details, never swallowed. */
export function RouteErrorPage() {
  const styles = useStyles();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Something went wrong</PageHeading>
      <ErrorPanel title="This page could not be shown" error={toAzureError(error)} />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
        <Link to="/">Go to the first unfinished step</Link>
      </div>
    </section>
  );
}

export function NotFoundPage() {
  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Page not found</PageHeading>
      <Body1 as="p">
        There is no page at this address. <Link to="/">Continue where you left off</Link>.
      </Body1>
    </section>
  );
}
