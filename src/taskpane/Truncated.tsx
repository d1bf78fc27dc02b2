/**
 * Cell text shown on one line, cut with an ellipsis, the whole text in its tooltip. Rendered as a
 * React text node only: what a workbook holds is never markup.
 */
import { makeStyles, mergeClasses } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'block',
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
});

export function Truncated(props: { text: string; className?: string; title?: string }) {
  const s = useStyles();
  return (
    <span className={mergeClasses(s.root, props.className)} title={props.title ?? props.text}>
      {props.text}
    </span>
  );
}
