import { createHash, createHmac } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/config';

/** Where document bytes live. Keys are opaque ids chosen by the caller (no names, no personal data). */
export interface DocumentStore {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
}

/** The embedded default: one file per document under DOCUMENTS_DIR. */
export class LocalFolderStore implements DocumentStore {
  constructor(private readonly dir: string) {}

  private file(key: string): string {
    if (!/^[a-z0-9-]+$/.test(key)) throw new Error('bad storage key');
    return path.join(this.dir, key.slice(0, 2), key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, bytes, { flag: 'wx', mode: 0o600 });
  }

  get(key: string): Promise<Buffer> {
    return fs.readFile(this.file(key));
  }
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** S3-compatible object storage (AWS, MinIO, …), path-style requests signed with AWS Signature V4. */
export class S3Store implements DocumentStore {
  constructor(private readonly s3: NonNullable<AppConfig['s3']>) {}

  private async request(method: 'PUT' | 'GET', key: string, body?: Buffer, contentType?: string): Promise<Response> {
    const url = new URL(`${this.s3.endpoint}/${this.s3.bucket}/${encodeURIComponent(key)}`);
    const now = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const date = now.slice(0, 8);
    const payloadHash = sha256(body ?? '');
    const headers: Record<string, string> = { host: url.host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': now };
    if (contentType) headers['content-type'] = contentType;
    const names = Object.keys(headers).sort();
    const canonical = [method, url.pathname, '', ...names.map((n) => `${n}:${headers[n]}`), '', names.join(';'), payloadHash].join('\n');
    const scope = `${date}/${this.s3.region}/s3/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', now, scope, sha256(canonical)].join('\n');
    const signingKey = hmac(hmac(hmac(hmac(`AWS4${this.s3.secretAccessKey}`, date), this.s3.region), 's3'), 'aws4_request');
    const signature = createHmac('sha256', signingKey).update(toSign).digest('hex');
    const { host: _host, ...sent } = headers;
    const res = await fetch(url, {
      method,
      body: body ? new Uint8Array(body) : undefined,
      headers: { ...sent, authorization: `AWS4-HMAC-SHA256 Credential=${this.s3.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}` },
    });
    if (!res.ok) throw new Error(`document storage ${method} failed with ${res.status}`);
    return res;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.request('PUT', key, bytes, contentType);
  }

  async get(key: string): Promise<Buffer> {
    return Buffer.from(await (await this.request('GET', key)).arrayBuffer());
  }
}

/** The configured store: S3 when S3_BUCKET is set, otherwise the local folder. */
@Injectable()
export class DocumentStorage implements DocumentStore {
  private readonly store: DocumentStore;
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.store = config.s3 ? new S3Store(config.s3) : new LocalFolderStore(config.documentsDir);
  }

  put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    return this.store.put(key, bytes, contentType);
  }

  get(key: string): Promise<Buffer> {
    return this.store.get(key);
  }
}
