/** The station's people in tests and benchmarks. */
export const ADMIN = { username: 'quantri', displayName: 'Nguyễn Văn Quản', password: 'Quantri2026' };
export const CLERK = {
  username: 'vanthu',
  displayName: 'Trần Thị Thư',
  password: 'Vanthu2026',
  roles: ['clerk' as const],
};
