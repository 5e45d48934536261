import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEPARTMENT_CODE } from './department-options';

/** The departments a station works for: picked, or typed as a code (upper-cased). */
export function DepartmentsField(props: { options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="departments"
      label={t('console.stations.departments')}
      extra={t('console.stations.departmentsHint')}
      normalize={(codes: string[]) => codes.map((code) => code.trim().toUpperCase())}
      rules={[
        { required: true, type: 'array', min: 1, message: t('console.stations.departmentsRequired') },
        {
          validator: async (_, codes: string[] = []) => {
            const wrong = codes.find((code) => !DEPARTMENT_CODE.test(code));
            if (wrong) throw new Error(t('console.stations.departmentCodeInvalid', { code: wrong }));
          },
        },
      ]}
    >
      <Select mode="tags" options={props.options} tokenSeparators={[',', ' ']} data-testid="departments" />
    </Form.Item>
  );
}

/** Whether a station reads its departments' records only, or the province's. */
export function ReadScopeField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="readScope" label={t('console.stations.readScope')}>
      <Select
        data-testid="read-scope"
        options={[
          { value: 'department', label: t('console.stations.readScopes.department') },
          { value: 'province', label: t('console.stations.readScopes.province') },
        ]}
      />
    </Form.Item>
  );
}
