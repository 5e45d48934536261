import {
  ExpandOutlined,
  RotateLeftOutlined,
  RotateRightOutlined,
  ZoomInOutlined,
  ZoomOutOutlined,
} from '@ant-design/icons';
import { Empty, Space } from 'antd';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageRow, PageTextRow } from '../../db/rows';
import { IconAction } from '../../ui/IconAction';
import { useObjectUrl } from '../../ui/use-object-url';

const ZOOM_STEP = 1.25;

/**
 * One page, zoomable, pannable (drag) and turnable for viewing, with the words a suggestion
 * came from highlighted. OCR boxes are on the page as OCR read it (turned upright), so the
 * image is shown turned the same way underneath them.
 */
export function PageViewer(props: {
  page: PageRow | undefined;
  text: PageTextRow | undefined;
  span: { start: number; end: number } | null;
  /** A barcode the suggestion was read from: where it is on the stored page (fractions). */
  region?: { x: number; y: number; width: number; height: number } | null;
  /** Shown at the head of the tools (the record's page buttons): one row, the page gets the height. */
  tools?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { page, text, span, region = null } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const highlight = useRef<SVGRectElement>(null);
  const regionHighlight = useRef<SVGRectElement>(null);
  const url = useObjectUrl(page?.image, page?.id);
  const [zoom, setZoom] = useState<number | null>(null);
  const [viewTurn, setViewTurn] = useState(0);

  const orientation = text?.orientation ?? page?.rotation ?? 0;
  const sideways = orientation === 90 || orientation === 270;
  // The page as OCR saw it (its boxes' coordinate space).
  const width = text?.widthPx ?? (sideways ? page?.heightPx : page?.widthPx) ?? 1;
  const height = text?.heightPx ?? (sideways ? page?.widthPx : page?.heightPx) ?? 1;
  const viewSideways = viewTurn % 180 !== 0;
  const fit = () => {
    const available = (scroller.current?.clientWidth ?? 600) - 16;
    setZoom(available / (viewSideways ? height : width));
  };
  useLayoutEffect(fit, [page?.id, width, height, viewSideways]);
  useEffect(() => {
    (highlight.current ?? regionHighlight.current)?.scrollIntoView({
      block: 'center',
      inline: 'center',
      behavior: 'smooth',
    });
  }, [span, region, page?.id]);

  const scale = zoom ?? 0.2;
  const boxes =
    span && text?.words ? text.words.filter((word) => word.start < span.end && word.end > span.start) : [];
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);

  if (!page) return <Empty description={t('indexing.noPages')} />;
  return (
    <div className="page-viewer">
      <Space className="page-viewer-tools" wrap>
        {props.tools}
        <IconAction
          title={t('indexing.zoomOut')}
          icon={<ZoomOutOutlined />}
          onClick={() => setZoom(scale / ZOOM_STEP)}
        />
        <IconAction
          title={t('indexing.zoomIn')}
          icon={<ZoomInOutlined />}
          onClick={() => setZoom(scale * ZOOM_STEP)}
        />
        <IconAction title={t('indexing.fit')} icon={<ExpandOutlined />} onClick={fit} />
        <IconAction
          title={t('scan.rotateLeft')}
          icon={<RotateLeftOutlined />}
          onClick={() => setViewTurn((viewTurn + 270) % 360)}
        />
        <IconAction
          title={t('scan.rotateRight')}
          icon={<RotateRightOutlined />}
          onClick={() => setViewTurn((viewTurn + 90) % 360)}
        />
        <span data-testid="page-zoom">{Math.round(scale * 100)} %</span>
      </Space>
      <div
        ref={scroller}
        className="page-viewer-scroller"
        data-testid="page-viewer"
        onMouseDown={(event) => {
          const element = scroller.current!;
          drag.current = {
            x: event.clientX,
            y: event.clientY,
            left: element.scrollLeft,
            top: element.scrollTop,
          };
        }}
        onMouseMove={(event) => {
          if (!drag.current || !scroller.current) return;
          scroller.current.scrollLeft = drag.current.left - (event.clientX - drag.current.x);
          scroller.current.scrollTop = drag.current.top - (event.clientY - drag.current.y);
        }}
        onMouseUp={() => (drag.current = null)}
        onMouseLeave={() => (drag.current = null)}
      >
        <div
          style={{
            width: (viewSideways ? height : width) * scale,
            height: (viewSideways ? width : height) * scale,
            position: 'relative',
          }}
        >
          <div
            className="page-viewer-page"
            style={{
              width,
              height,
              transform: `translate(-50%, -50%) rotate(${viewTurn}deg) scale(${scale})`,
              left: '50%',
              top: '50%',
            }}
          >
            {url ? (
              <img
                src={url}
                alt={t('scan.page', { number: page.index + 1 })}
                draggable={false}
                style={{
                  width: sideways ? height : width,
                  height: sideways ? width : height,
                  transform: `translate(-50%, -50%) rotate(${orientation}deg)`,
                }}
              />
            ) : null}
            {region ? (
              // In the stored image's own frame, turned with it: a code's box needs no OCR words.
              <svg
                className="page-viewer-region"
                viewBox="0 0 1 1"
                preserveAspectRatio="none"
                style={{
                  width: sideways ? height : width,
                  height: sideways ? width : height,
                  transform: `translate(-50%, -50%) rotate(${orientation}deg)`,
                }}
              >
                <rect
                  ref={regionHighlight}
                  x={region.x - 0.005}
                  y={region.y - 0.005}
                  width={region.width + 0.01}
                  height={region.height + 0.01}
                  className="page-highlight"
                  vectorEffect="non-scaling-stroke"
                  data-testid="page-highlight"
                />
              </svg>
            ) : null}
            <svg
              viewBox={`0 0 ${width} ${height}`}
              width={width}
              height={height}
              data-testid="page-highlights"
            >
              {boxes.map((word, index) => (
                <rect
                  key={`${word.start}`}
                  ref={index === 0 ? highlight : undefined}
                  x={word.bbox.x0 - 4}
                  y={word.bbox.y0 - 4}
                  width={word.bbox.x1 - word.bbox.x0 + 8}
                  height={word.bbox.y1 - word.bbox.y0 + 8}
                  className="page-highlight"
                  data-testid="page-highlight"
                />
              ))}
            </svg>
          </div>
        </div>
      </div>
    </div>
  );
}
