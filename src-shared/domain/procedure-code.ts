/** National public-service catalogue code of a procedure (DOMAIN.md), e.g. 1.000459. */
export const PROCEDURE_CODE_PATTERN = /^[12]\.\d{6}$/;
