import { Select, type SelectProps } from 'antd';
import { useStationSettings } from '../settings/station-settings-context';

/** The station's departments (from settings) to pick from; clearable. */
export function DepartmentSelect(props: Omit<SelectProps<string>, 'options'>) {
  const { settings } = useStationSettings();
  return (
    <Select
      allowClear
      {...props}
      options={(settings?.departments ?? []).map((department) => ({
        value: department.code,
        label: department.name,
      }))}
    />
  );
}
