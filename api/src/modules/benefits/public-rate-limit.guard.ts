import { Inject, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerRequest } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '../../config/config';

/**
 * Rate limit for public routes that do work for anyone without an account (PUBLIC_RATE_LIMIT requests
 * per PUBLIC_RATE_WINDOW_SECONDS per IP). Counters are kept per route, apart from the login limits.
 */
@Injectable()
export class PublicRateLimitGuard extends ThrottlerGuard {
  @Inject(APP_CONFIG) private readonly appConfig: AppConfig;

  protected override handleRequest(props: ThrottlerRequest): Promise<boolean> {
    return super.handleRequest({ ...props, limit: this.appConfig.publicRateLimit, ttl: this.appConfig.publicRateWindowSeconds * 1000 });
  }
}
