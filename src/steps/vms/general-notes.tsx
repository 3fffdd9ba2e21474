import { Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { GENERAL_NOTES } from '../../readiness/index.ts';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  item: { marginBottom: tokens.spacingVerticalXXS },
});

/** The limitations that hold for every VM, said once rather than on each row. */
export function GeneralNotes() {
  const styles = useStyles();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>For every virtual machine</MessageBarTitle>
        <ul className={styles.list}>
          {GENERAL_NOTES.map((note) => (
            <li key={note.id} className={styles.item}>
              {note.message}{' '}
              <Link href={note.source.url} target="_blank" rel="noreferrer" inline aria-label={`Source for: ${note.message}`}>
                Source
              </Link>
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
