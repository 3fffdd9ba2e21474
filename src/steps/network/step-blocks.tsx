import { makeStyles, tokens } from '@fluentui/react-components';
import { CodeBlock } from '../../components/code-block.tsx';
import type { StepBlock } from '../../readiness/index.ts';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '100ch' },
  text: { margin: 0 },
});

/** Numbered instructions; each command comes with its own copy button. */
export function StepBlocks({ blocks, label }: { blocks: readonly StepBlock[]; label: string }) {
  const styles = useStyles();
  return (
    <ol className={styles.list} aria-label={label}>
      {blocks.map((block, i) => (
        <li key={i} className={styles.item}>
          <p className={styles.text}>{block.text}</p>
          {block.code !== undefined && <CodeBlock code={block.code} label={`${label}, step ${i + 1}`} />}
        </li>
      ))}
    </ol>
  );
}
