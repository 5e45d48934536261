import { Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../api/use-action';

/**
 * A dialog that makes something on Central from a form and then shows what was made, once
 * (an enrolment code, an API client's secret): Central keeps only its hash, so closing the
 * dialog is the last sight of it. A refusal is said in a message and the form stays.
 */
export function ShownOnceDialog<Values extends object, Made>(props: {
  open: boolean;
  title: string;
  makeText: string;
  width: number;
  initialValues: Partial<Values>;
  make: (values: Values) => Promise<Made>;
  /** What was made, as it is shown. */
  shown: (made: Made) => ReactNode;
  /** The form's fields. */
  children: ReactNode;
  onClose: (made: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [made, setMade] = useState<Made | null>(null);
  const { busy, run } = useAction();

  const make = (values: Values) => run(async () => setMade(await props.make(values)));
  const close = () => {
    props.onClose(made !== null);
    setMade(null);
    form.resetFields();
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={made ? t('console.close') : props.makeText}
      cancelButtonProps={{ style: made ? { display: 'none' } : {} }}
      confirmLoading={busy}
      onOk={() => (made ? close() : form.submit())}
      onCancel={close}
      destroyOnHidden
      width={props.width}
    >
      {made ? (
        props.shown(made)
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={props.initialValues}
          onFinish={(values) => void make(values)}
        >
          {props.children}
        </Form>
      )}
    </Modal>
  );
}
