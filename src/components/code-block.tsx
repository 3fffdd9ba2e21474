import { Button, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { Checkmark16Regular, Copy16Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';

const useStyles = makeStyles({
  wrap: {
    maxWidth: '100%',
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // The button sits in its own bar, so long lines scrolling sideways never pass under it.
  bar: { display: 'flex', justifyContent: 'flex-end', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  pre: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    overflowX: 'auto',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'pre',
  },
});

type CodeBlockProps = {
  code: string;
  /** Names the block for the copy button and for screen readers, e.g. "Linux /etc/environment line". */
  label: string;
};

/** Code to paste somewhere else, with a copy button; the block itself is focusable so it can be scrolled by keyboard. */
export function CodeBlock({ code, label }: CodeBlockProps) {
  const styles = useStyles();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = () => {
    // Clipboard access needs a secure context and may be refused; the text stays selectable either way.
    navigator.clipboard.writeText(code).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };
  const text = copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed: select the text' : `Copy ${label}`;
  return (
    <div className={styles.wrap}>
      <div className={styles.bar}>
        <Tooltip content={text} relationship="description">
          <Button
            size="small"
            appearance="subtle"
            icon={copied === 'copied' ? <Checkmark16Regular /> : <Copy16Regular />}
            aria-label={`${copied === 'copied' ? 'Copied' : 'Copy'} ${label}`}
            onClick={copy}
          >
            {copied === 'copied' ? 'Copied' : 'Copy'}
          </Button>
        </Tooltip>
      </div>
      <pre className={styles.pre} tabIndex={0} aria-label={label}>
        <code>{code}</code>
      </pre>
    </div>
  );
}
