import { Col, Row } from 'antd';
import { useSession } from '../../session/session-context';
import { ChangePasswordForm } from './ChangePasswordForm';
import { StationSettingsForm } from './StationSettingsForm';
import { StoragePanel } from './StoragePanel';

export function SettingsScreen() {
  const { session } = useSession();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <StationSettingsForm editable={session?.roles.includes('admin') ?? false} />
      </Col>
      <Col xs={24} xl={9}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <StoragePanel />
          </Col>
          <Col span={24}>
            <ChangePasswordForm />
          </Col>
        </Row>
      </Col>
    </Row>
  );
}
