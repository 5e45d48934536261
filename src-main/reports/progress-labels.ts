import { displayDate } from '../../src-shared/indexing/vietnamese-dates';
import type { ProgressReportData } from '../../src-shared/stats/report';

/** The report's words, in Vietnamese: it goes to the Office's periodic report as it is. */
export const LABELS = {
  title: 'BÁO CÁO TIẾN ĐỘ SỐ HÓA KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
  date: 'Ngày lập báo cáo',
  by: 'Người lập',
  overall: 'Tổng hợp',
  inventory: 'Số kết quả còn hiệu lực (kiểm đếm)',
  digitized: 'Đã số hóa',
  share: 'Tỷ lệ',
  target: 'Chỉ tiêu',
  met: { yes: 'Đạt', no: 'Chưa đạt', unknown: 'Chưa kiểm đếm' },
  byDepartment: 'Theo phòng chuyên môn',
  byProcedure: 'Theo thủ tục hành chính',
  department: 'Phòng',
  procedure: 'Thủ tục',
  activity: 'Hồ sơ và trang số hóa',
  buckets: { day: 'Ngày', week: 'Tuần (từ thứ Hai)', month: 'Tháng' },
  clerk: 'Cán bộ',
  records: 'Hồ sơ',
  pages: 'Trang',
  rejection: 'Tỷ lệ hồ sơ bị trả lại khi duyệt',
  backlog: 'Hồ sơ chờ đồng bộ lên kho dữ liệu',
  reuse: 'Lượt tái sử dụng kết quả (không yêu cầu nộp lại)',
  expiring: 'Kết quả sắp hết hiệu lực',
  code: 'Mã hồ sơ',
  owner: 'Chủ thể',
  expiry: 'Hết hiệu lực',
} as const;

/** dd/mm/yyyy from yyyy-mm-dd. */
/** dd/mm/yyyy, as the indexing form shows dates. */
export const vnDate = displayDate;

export const targetText = (target: ProgressReportData['target']) =>
  target
    ? `${Math.round(target.share * 100)} % đến ${vnDate(target.date)} — ${
        target.met === null ? LABELS.met.unknown : target.met ? LABELS.met.yes : LABELS.met.no
      }`
    : '—';
