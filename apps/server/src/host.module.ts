import { Module } from '@nestjs/common';

/** The root module; createApp() fills it dynamically with the discovered modules. */
@Module({})
export class HostModule {}
