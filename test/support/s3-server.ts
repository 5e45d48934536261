import S3rver from 's3rver';
import type { S3Options } from '../../src-server/storage/s3-blob-store';
import { makeTempDir } from './temp-dir';

/**
 * An S3-protocol server on loopback for the tests (s3rver, from the npm registry: S3's REST
 * API over a folder, with signed requests), with one bucket; what Central's S3 store is given.
 */
export async function startS3Server(bucket = 'sohoa-central') {
  const dir = makeTempDir('sohoa-s3-');
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: dir.path,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = (await server.run()) as { port: number };
  const options: S3Options = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  return {
    options,
    /** As the Central process takes it. */
    env: {
      SOHOA_BLOB_STORE: 's3',
      SOHOA_S3_ENDPOINT: options.endpoint,
      SOHOA_S3_BUCKET: bucket,
      SOHOA_S3_ACCESS_KEY_ID: options.accessKeyId,
      SOHOA_S3_SECRET_ACCESS_KEY: options.secretAccessKey,
    },
    async close() {
      await server.close();
      dir.remove();
    },
  };
}
