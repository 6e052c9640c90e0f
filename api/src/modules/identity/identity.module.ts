import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  controllers: [AuthController, UsersController, OrganisationsController],
  providers: [AuthService, UsersService, OrganisationsService],
  exports: [UsersService, OrganisationsService],
})
export class IdentityModule {}
