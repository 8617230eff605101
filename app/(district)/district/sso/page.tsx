import type { Metadata } from "next";
import { Suspense } from "react";
import { AccountTypeRulesForm } from "@/components/sso/account-type-rules-form";
import { AttributeMappingForm } from "@/components/sso/attribute-mapping-form";
import { IdentityProviderForm } from "@/components/sso/identity-provider-form";
import { IdentityProviderSummary } from "@/components/sso/identity-provider-summary";
import { SaveIdpFirst } from "@/components/sso/save-idp-first";
import { ServiceProviderDetails } from "@/components/sso/service-provider-details";
import { parseSignInLogFilter, SignInLog, SignInLogSkeleton } from "@/components/sso/sign-in-log";
import { SignInLogFilter } from "@/components/sso/sign-in-log-filter";
import { SignInSwitchesForm } from "@/components/sso/sign-in-switches-form";
import { SsoStatus } from "@/components/sso/sso-status";
import { TestSignIn } from "@/components/sso/test-sign-in";
import { Alert } from "@/components/ui/alert";
import { PageSection } from "@/components/ui/page-section";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { loadSsoPage } from "@/lib/sso/connection";
import { serviceProviderFor } from "@/lib/sso/service-provider";
import { mappingFormValues, rulesFormValues } from "@/lib/sso/settings-schema";

export const metadata: Metadata = { title: "Single sign-on" };

type SsoPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SsoPage({ searchParams }: SsoPageProps) {
  const admin = await requireDistrictAdmin();
  const query = await searchParams;
  const filter = parseSignInLogFilter(query);
  const { districtGuid, settings, accountTypes } = await loadSsoPage(admin.districtId);
  const serviceProvider = serviceProviderFor(districtGuid);
  const { idp } = settings;

  return (
    <>
      <h1 className="text-2xl font-semibold">Single sign-on</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Teachers and students sign in with your identity provider (Microsoft Entra ID, Google Workspace, ADFS, Shibboleth, …) over SAML 2.0 and open
        the apps you activated. Set it up here, try it with a test sign-in, then turn it on.
      </p>
      <SsoStatus settings={settings} />
      {query.test === "no-identity-provider" && !idp ? (
        <div className="mt-4">
          <Alert tone="warning">A test sign-in needs your identity provider: describe it under Your identity provider and save, then try again.</Alert>
        </div>
      ) : null}

      <PageSection id="service-provider" title="Rollcall's details for your identity provider">
        <p className="mb-4 max-w-2xl text-sm text-slate-600">Enter these in your identity provider when you add Rollcall as a SAML application.</p>
        <ServiceProviderDetails serviceProvider={serviceProvider} />
      </PageSection>

      <PageSection id="identity-provider" title="Your identity provider">
        <div className="space-y-4">
          {idp ? <IdentityProviderSummary idp={idp} /> : null}
          <IdentityProviderForm
            saved={idp !== null}
            initial={{
              source: idp?.metadataUrl ? "url" : "xml",
              xml: "",
              url: idp?.metadataUrl ?? "",
              entityId: idp?.entityId ?? "",
              ssoUrl: idp?.ssoUrl ?? "",
              certificate: idp?.certificates.join("\n") ?? "",
            }}
          />
        </div>
      </PageSection>

      <PageSection id="attribute-mapping" title="Attribute mapping">
        <p className="mb-4 max-w-2xl text-sm text-slate-600">
          Which attribute your identity provider releases for each field. Release them under their OIDs (urn:oid:…); a person needs a first name,
          last name and email to be created.
        </p>
        {idp ? <AttributeMappingForm initial={mappingFormValues(settings.attributeMapping, settings.scopeDomains)} /> : <SaveIdpFirst what="The attribute mapping and your domains" />}
      </PageSection>

      <PageSection id="account-type-rules" title="Account-type rules">
        {idp ? (
          <AccountTypeRulesForm
            initial={rulesFormValues(settings.accountTypeRules)}
            accountTypes={accountTypes}
            accountTypeAttribute={settings.attributeMapping.accountType ?? null}
          />
        ) : (
          <SaveIdpFirst what="The account-type rules" />
        )}
      </PageSection>

      <PageSection id="sign-in-switches" title="Sign-in switches">
        {idp ? (
          <SignInSwitchesForm initial={{ signInEnabled: settings.signInEnabled, jitEnabled: settings.jitEnabled, idpInitiatedAllowed: settings.idpInitiatedAllowed }} />
        ) : (
          <SaveIdpFirst what="Sign-in and just-in-time provisioning" />
        )}
      </PageSection>

      <PageSection id="test-sign-in" title="Test sign-in">
        <TestSignIn testSignInUrl={serviceProvider.testSignInUrl} ready={idp !== null} />
      </PageSection>

      <PageSection id="sign-in-log" title="Sign-in log" aside={<SignInLogFilter />}>
        <Suspense key={JSON.stringify(filter)} fallback={<SignInLogSkeleton />}>
          <SignInLog districtId={admin.districtId} filter={filter} />
        </Suspense>
      </PageSection>
    </>
  );
}
