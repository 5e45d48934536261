import { Button, Space } from 'antd';
import type { PageRow } from '../../db/rows';

/** One button per page of a record (nothing for a single page): which page the viewer shows. */
export function PagePicker(props: {
  pages: readonly PageRow[];
  shownId: string | undefined;
  onPick: (pageId: string) => void;
}) {
  if (props.pages.length <= 1) return null;
  return (
    <Space wrap size={4}>
      {props.pages.map((page) => (
        <Button
          key={page.id}
          size="small"
          type={page.id === props.shownId ? 'primary' : 'default'}
          onClick={() => props.onPick(page.id)}
        >
          {page.index + 1}
        </Button>
      ))}
    </Space>
  );
}
