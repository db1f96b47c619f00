-- CreateEnum
CREATE TYPE "SsoJoinPolicy" AS ENUM ('DOMAIN', 'INVITE_ONLY');

-- CreateTable
CREATE TABLE "OidcProvider" (
    "organizationId" UUID NOT NULL,
    "displayName" TEXT NOT NULL,
    "issuerUrl" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretSealed" TEXT NOT NULL,
    "allowedDomains" TEXT[],
    "joinPolicy" "SsoJoinPolicy" NOT NULL,
    "defaultRole" "UserRole" NOT NULL,
    "passwordSignInDisabled" BOOLEAN NOT NULL DEFAULT false,
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OidcProvider_pkey" PRIMARY KEY ("organizationId")
);

-- AddForeignKey
ALTER TABLE "OidcProvider" ADD CONSTRAINT "OidcProvider_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
