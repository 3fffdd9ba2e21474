import { Badge, Button, Caption1, Body1Strong, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { ShieldCheckmark24Regular, SignOut20Regular } from '@fluentui/react-icons';
import { useAuthActions, useSignedInAccount } from '../../auth/auth-provider.tsx';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { useAppConfig } from '../../config/config-context.tsx';
import { PRODUCT_NAME } from '../../config/product.ts';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    rowGap: tokens.spacingVerticalXS,
    minHeight: '56px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorBrandForeground1 },
  productName: { color: tokens.colorNeutralForeground1, whiteSpace: 'nowrap', margin: 0 },
  nowrap: { whiteSpace: 'nowrap', flexShrink: 0 },
  spacer: { flexGrow: 1 },
  account: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', lineHeight: tokens.lineHeightBase200 },
  upn: { color: tokens.colorNeutralForeground3 },
});

/** Product name, which Azure we talk to, and — when signed in — who is signed in, with "Sign out". */
export function ProductHeader() {
  const styles = useStyles();
  const config = useAppConfig();
  const account = useSignedInAccount();
  const { signOut } = useAuthActions();
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <ShieldCheckmark24Regular aria-hidden />
        <Subtitle1 as="p" className={styles.productName}>
          {PRODUCT_NAME}
        </Subtitle1>
      </div>
      {config.target === 'local' && (
        <Badge appearance="tint" color="informative" className={styles.nowrap}>
          Local Azure
        </Badge>
      )}
      <div className={styles.spacer} />
      {account && (
        <>
          <div className={styles.account}>
            <VisuallyHidden>Signed in as </VisuallyHidden>
            <Body1Strong>{account.name}</Body1Strong>
            <Caption1 className={styles.upn}>{account.username}</Caption1>
          </div>
          <Button
            appearance="subtle"
            icon={<SignOut20Regular />}
            className={styles.nowrap}
            onClick={() => void signOut()}
          >
            Sign out
          </Button>
        </>
      )}
    </header>
  );
}
