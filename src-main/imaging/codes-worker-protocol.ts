/** What main asks of the codes worker: the codes on a grey page (structured clones). */
export interface CodesWorkerRequest {
  id: number;
  kind: 'read';
  grey: Uint8Array;
  width: number;
  height: number;
}
