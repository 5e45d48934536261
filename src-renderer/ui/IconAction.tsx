import { Button, Tooltip, type ButtonProps } from 'antd';

/** A small icon-only button with its name as tooltip and accessible label. */
export function IconAction({ title, ...button }: ButtonProps & { title: string; 'data-testid'?: string }) {
  return (
    <Tooltip title={title}>
      <Button size="small" type="text" aria-label={title} {...button} />
    </Tooltip>
  );
}
