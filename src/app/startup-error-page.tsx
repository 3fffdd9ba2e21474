import { Body1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens, type GriffelRenderer } from '@fluentui/react-components';
import { PageHeading } from '../components/page-heading.tsx';
import { ThemeRoot } from './app.tsx';

const useStyles = makeStyles({
  main: { maxWidth: '720px', margin: '0 auto', padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}` },
  list: { margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

type StartupErrorPageProps = { title: string; intro: string; problems: string[]; advice: string };

/** Shown instead of a blank screen when the app cannot start: bad configuration or MSAL failing to start. */
export function StartupErrorPage({ styles, ...props }: StartupErrorPageProps & { styles: GriffelRenderer }) {
  // Its own component, so its styles come from the renderer ThemeRoot provides (the one with the CSP nonce).
  return (
    <ThemeRoot renderer={styles}>
      <StartupError {...props} />
    </ThemeRoot>
  );
}

function StartupError({ title, intro, problems, advice }: StartupErrorPageProps) {
  const styles = useStyles();
  return (
    <>
      <main className={styles.main}>
        <PageHeading>{title}</PageHeading>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{intro}</MessageBarTitle>
            <ul className={styles.list}>
              {problems.map((problem) => (
                <li key={problem} className={styles.code}>
                  {problem}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
        <Body1 as="p">{advice}</Body1>
      </main>
    </>
  );
}
