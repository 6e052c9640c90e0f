import { Body, Controller, Get, HttpCode, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public } from '../../common/auth/decorators';
import { LoginDto, PasswordResetConfirmDto, PasswordResetRequestDto, RefreshDto, UpdateMeDto } from './auth.dto';
import { AuthService, Caller } from './auth.service';

const caller = (req: FastifyRequest): Caller => ({ requestId: String(req.id), ip: req.ip });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  login(@Req() req: FastifyRequest, @Body() dto: LoginDto) {
    return this.auth.login(caller(req), dto.email, dto.password);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('refresh')
  @HttpCode(200)
  refresh(@Req() req: FastifyRequest, @Body() dto: RefreshDto) {
    return this.auth.refresh(caller(req), dto.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: FastifyRequest, @Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(caller(req), dto.refreshToken);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('password-reset/request')
  @HttpCode(202)
  async requestReset(@Req() req: FastifyRequest, @Body() dto: PasswordResetRequestDto): Promise<{ accepted: true }> {
    await this.auth.requestPasswordReset(caller(req), dto.email);
    return { accepted: true };
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('password-reset/confirm')
  @HttpCode(204)
  async confirmReset(@Req() req: FastifyRequest, @Body() dto: PasswordResetConfirmDto): Promise<void> {
    await this.auth.confirmPasswordReset(caller(req), dto.token, dto.password);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }

  @ApiBearerAuth()
  @Patch('me')
  updateMe(@CurrentActor() actor: Actor, @Body() dto: UpdateMeDto) {
    return this.auth.updateMe(actor, dto.locale);
  }
}
