import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { BlobStore } from './blob-store';

export interface S3Options {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** MinIO, Ceph RGW and most government clouds want `endpoint/bucket/key`, not `bucket.endpoint/key`. */
  forcePathStyle: boolean;
  /** Keys start with this (one bucket for several provinces or environments). */
  prefix?: string;
}

/**
 * Record files in an S3-compatible object store (`@aws-sdk/client-s3`), keyed `ab/cd/<sha256>`
 * under the prefix. A PUT is whole or nothing on every S3 implementation, so an object is there
 * complete or not at all; checksums are sent only where an operation requires them, which the
 * S3-compatible servers of provinces accept (newer SDK defaults are AWS's own).
 */
export function s3BlobStore(options: S3Options): BlobStore {
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const keyOf = (sha256: string) =>
    `${options.prefix ?? ''}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  return {
    kind: 's3',
    async put(sha256, data) {
      await client.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: keyOf(sha256),
          Body: data,
          ContentType: 'application/pdf',
          ContentLength: data.length,
        }),
      );
    },
    async has(sha256) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: options.bucket, Key: keyOf(sha256) }));
        return true;
      } catch (error) {
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
          return false;
        throw error;
      }
    },
    async read(sha256) {
      const answer = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: keyOf(sha256) }));
      return answer.Body as Readable;
    },
  };
}
