import { Fragment } from 'react';
import { withExplanations } from '../../shared/glossary.ts';
import { Explained, useGlossary } from '../ui/Term.tsx';

/** Text written by professionals, with each known term of the case's region explained on tap (as `Term` does for app texts). */
export function PlainText({ text }: { text: string }) {
  const glossary = useGlossary();
  return (
    <>
      {withExplanations(text, glossary).map((part, i) =>
        part.explanation ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
          <Explained key={i} explanation={part.explanation}>
            {part.text}
          </Explained>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
