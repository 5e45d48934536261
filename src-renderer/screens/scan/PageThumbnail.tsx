import { DeleteOutlined, RotateLeftOutlined, RotateRightOutlined, ScissorOutlined } from '@ant-design/icons';
import { Card, Popconfirm, Tag, Tooltip } from 'antd';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageRow } from '../../db/rows';
import { IconAction } from '../../ui/IconAction';
import { useObjectUrl } from '../../ui/use-object-url';

export interface PageActions {
  rotate: (page: PageRow, quarterTurns: 1 | -1) => void;
  remove: (page: PageRow) => void;
  splitBefore: (page: PageRow) => void;
  /** The page dragged onto this one is moved to this page's place. */
  dropOn: (page: PageRow, draggedId: string) => void;
}

export const PAGE_DRAG_TYPE = 'application/x-sohoa-page';

/** One stored page: its thumbnail straight from IndexedDB, its quality flags, its actions. */
export function PageThumbnail(props: {
  page: PageRow;
  minDpi: number;
  editable: boolean;
  actions: PageActions;
}) {
  const { page, minDpi, editable, actions } = props;
  const { t } = useTranslation();
  const url = useObjectUrl(page.thumbnail, page.id);
  const [dragOver, setDragOver] = useState(false);
  const number = page.index + 1;
  const label = t('scan.page', { number });
  const isPageDrag = (event: DragEvent) => event.dataTransfer.types.includes(PAGE_DRAG_TYPE);

  return (
    <Card
      size="small"
      className={`page-thumb${dragOver ? ' page-thumb-drop' : ''}`}
      data-testid="page-thumb"
      data-index={page.index}
      data-page-id={page.id}
      data-rotation={page.rotation}
      draggable={editable}
      onDragStart={(event) => {
        event.dataTransfer.setData(PAGE_DRAG_TYPE, page.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        if (!editable || !isPageDrag(event)) return;
        event.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={(event) => {
        setDragOver(false);
        const dragged = event.dataTransfer.getData(PAGE_DRAG_TYPE);
        if (!dragged) return;
        event.preventDefault();
        event.stopPropagation();
        if (dragged !== page.id) actions.dropOn(page, dragged);
      }}
    >
      <div className="page-thumb-frame">
        {url ? (
          <img src={url} alt={label} style={{ transform: `rotate(${page.rotation}deg)` }} draggable={false} />
        ) : (
          <div className="page-thumb-placeholder" />
        )}
      </div>
      <div className="page-thumb-caption">
        <span>{label}</span>
        {page.blank ? <Tag color="orange">{t('scan.blank')}</Tag> : null}
        {page.lowDpi ? <Tag color="red">{t('scan.lowDpi', { min: minDpi })}</Tag> : null}
        {page.originalPage ? (
          <Tooltip title={t('scan.original', { page: page.originalPage })}>
            <Tag color="blue">PDF</Tag>
          </Tooltip>
        ) : null}
      </div>
      {editable ? (
        <div className="page-thumb-actions">
          <IconAction
            title={t('scan.rotateLeft')}
            icon={<RotateLeftOutlined />}
            data-testid="page-rotate-left"
            onClick={() => actions.rotate(page, -1)}
          />
          <IconAction
            title={t('scan.rotateRight')}
            icon={<RotateRightOutlined />}
            data-testid="page-rotate-right"
            onClick={() => actions.rotate(page, 1)}
          />
          {page.index > 0 ? (
            <IconAction
              title={t('scan.splitHere')}
              icon={<ScissorOutlined />}
              data-testid="page-split"
              onClick={() => actions.splitBefore(page)}
            />
          ) : null}
          {page.originalId ? null : (
            <Popconfirm
              title={t('scan.deletePageConfirm', { number })}
              okText={t('common.yes')}
              cancelText={t('common.no')}
              onConfirm={() => actions.remove(page)}
            >
              <IconAction
                title={t('scan.deletePage')}
                danger
                icon={<DeleteOutlined />}
                data-testid="page-delete"
              />
            </Popconfirm>
          )}
        </div>
      ) : null}
    </Card>
  );
}
