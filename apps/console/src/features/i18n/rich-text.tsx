import { Fragment, type ReactNode } from 'react';
import { splitPlaceholders } from './translator';

/** `text` with each `{name}` replaced by a node (a link, a bold word), for messages that wrap markup. */
export function richText(text: string, params: Record<string, ReactNode>): ReactNode[] {
  return splitPlaceholders(text).flatMap(({ literal, name }, i) =>
    name === undefined ? [literal] : [literal, <Fragment key={i}>{name in params ? params[name] : `{${name}}`}</Fragment>],
  );
}
