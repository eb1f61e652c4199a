import { modelSvg, type ModelSvgInput } from '@weframe/core';
import { useMemo, type MouseEvent } from 'react';
import { useLocation } from 'wouter';

interface ModelPictureProps {
  readonly diagnosis: ModelSvgInput;
  /** The address of an element's page. */
  readonly elementHref: (elementId: string) => string;
}

/**
 * Rose's model drawn as nested regions, each element a link to its page. The picture is core's
 * `modelSvg`, which escapes every piece of text it draws, so its markup can be inserted as is.
 */
export function ModelPicture({ diagnosis, elementHref }: ModelPictureProps) {
  const [, navigate] = useLocation();
  const markup = useMemo(
    () => modelSvg(diagnosis, { idPrefix: 'dashboard-model', elementHref }),
    [diagnosis, elementHref],
  );
  // Links inside the picture open in the app (Enter fires a click too), not by reloading it.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest('a');
    const href = link?.getAttribute('href');
    if (!href?.startsWith('/')) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <figure className="model-figure">
      <div
        className="model-figure__scroll"
        onClick={onClick}
        dangerouslySetInnerHTML={{ __html: markup }}
      />
      <figcaption className="model-figure__caption">
        Each element is a link: choose one (or press Tab to reach it and Enter to open it) to see
        its indicators and evidence. The shape and the word in each region give its status, the bars
        its confidence. Team figures from fewer than three respondents are never shown.
      </figcaption>
    </figure>
  );
}
