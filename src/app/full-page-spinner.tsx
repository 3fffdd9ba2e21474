import { makeStyles, Spinner } from '@fluentui/react-components';

const useStyles = makeStyles({
  wrap: { minHeight: '100vh', display: 'grid', placeItems: 'center' },
});

export function FullPageSpinner({ label }: { label: string }) {
  return (
    <div className={useStyles().wrap} role="status">
      <Spinner label={label} />
    </div>
  );
}
