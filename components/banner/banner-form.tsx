"use client";

// The Banner tab: the banner's form beside a live preview drawn by the gallery's own
// PromoBanner. One schema for the browser (react-hook-form) and for the server action,
// which parses again and is authoritative.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, FormProvider, useForm, useWatch } from "react-hook-form";
import { BannerImagePicker } from "@/components/banner/banner-image-picker";
import { ColourFields } from "@/components/banner/colour-fields";
import { CountedTextField } from "@/components/banner/counted-text-field";
import { GalleryPreviewDialog, type GalleryContents } from "@/components/banner/gallery-preview-dialog";
import { SaveFooter, type SaveOutcome } from "@/components/forms/save-footer";
import { useLeaveWarning } from "@/components/forms/use-leave-warning";
import { PromoBanner } from "@/components/gallery/promo-banner";
import type { GalleryBanner } from "@/components/gallery/types";
import { FieldError } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { isHexColour } from "@/lib/banners/contrast";
import { saveBannerAction } from "@/lib/banners/actions";
import type { BannerImageInfo, BannerPageData } from "@/lib/banners/banners";
import {
  bannerSchema,
  MAX_BODY_LENGTH,
  MAX_CTA_LABEL_LENGTH,
  MAX_HEADLINE_LENGTH,
  type BannerInput,
} from "@/lib/banners/schema";
import { showFieldErrors } from "@/components/ui/field-errors";

type BannerFormProps = { page: BannerPageData; gallery: GalleryContents };

/** `invalid`: the browser's own check failed; the message goes once the fields are fixed. */
type Outcome = (SaveOutcome & { invalid?: boolean }) | null;

export function BannerForm({ page, gallery }: BannerFormProps) {
  const router = useRouter();
  const { application } = page;
  const form = useForm<BannerInput>({
    resolver: zodResolver(bannerSchema),
    defaultValues: page.values,
    // As on the Provisioning tab: errors appear on Save, then update as the admin types.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { control, register, handleSubmit, setValue, setError, clearErrors, reset, formState } = form;
  const values = useWatch({ control });
  const [image, setImage] = useState<BannerImageInfo | null>(page.image);
  const [live, setLive] = useState(page.live);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const allowLeaving = useLeaveWarning(formState.isDirty);
  const draft = draftBanner(values, page.values, image, application);
  const shownOutcome = outcome?.invalid && Object.keys(formState.errors).length === 0 ? null : outcome;

  const save = useMutation({
    mutationFn: saveBannerAction,
    onSuccess: (result) => {
      if (result.ok) {
        reset(result.data.values);
        setImage(result.data.image);
        setLive(result.data.live);
        setOutcome({ tone: "success", message: result.data.live ? "Banner saved. Districts see it in the gallery now." : "Banner saved." });
        router.refresh();
        return;
      }
      showFieldErrors(setError, result.fieldErrors);
      setOutcome({ tone: "error", message: result.formError, offerReload: result.code === "stale" });
    },
    onError: () =>
      setOutcome({ tone: "error", message: "The banner could not be sent: the connection to Rollcall failed. Nothing was saved; try again." }),
  });

  const onSubmit = handleSubmit(
    (banner) => {
      setOutcome(null);
      save.mutate(banner);
    },
    () => setOutcome({ tone: "error", message: "Check the highlighted fields. Nothing was saved.", invalid: true }),
  );

  const chooseImage = (chosen: BannerImageInfo | null) => {
    setImage(chosen);
    clearErrors("imageId");
    setValue("imageId", chosen?.id ?? null, { shouldDirty: true });
  };

  return (
    <FormProvider {...form}>
      <div className="grid gap-8 lg:grid-cols-2">
        <form onSubmit={onSubmit} noValidate aria-labelledby="banner-heading" className="min-w-0 space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <div>
            <h2 id="banner-heading" className="text-lg font-semibold">
              Banner
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              A promotion at the top of districts&apos; Application Gallery. Its button starts a free trial, and Rollcall tells your
              systems through your webhook.
            </p>
          </div>
          <Controller
            control={control}
            name="shown"
            render={({ field, fieldState }) => (
              <div>
                <Switch
                  label="Show a promotion banner"
                  checked={field.value && application.autoProvisioning}
                  onChange={field.onChange}
                  disabled={!application.autoProvisioning}
                  description={<ShowSwitchExplanation application={application} live={live} />}
                />
                <FieldError message={fieldState.error?.message} />
              </div>
            )}
          />
          <CountedTextField
            label="Headline"
            required
            length={values.headline?.length ?? 0}
            limit={MAX_HEADLINE_LENGTH}
            error={formState.errors.headline?.message}
            autoComplete="off"
            {...register("headline")}
          />
          <CountedTextField
            label="Body"
            multiline
            length={values.body?.length ?? 0}
            limit={MAX_BODY_LENGTH}
            hint="A sentence or two on what districts get. Line breaks are kept."
            error={formState.errors.body?.message}
            {...register("body")}
          />
          <CountedTextField
            label="Call-to-action label"
            required
            length={values.ctaLabel?.length ?? 0}
            limit={MAX_CTA_LABEL_LENGTH}
            hint="The text of the button that starts a trial."
            error={formState.errors.ctaLabel?.message}
            autoComplete="off"
            {...register("ctaLabel")}
          />
          <ColourFields />
          <BannerImagePicker
            applicationId={application.id}
            image={image}
            onChange={chooseImage}
            error={formState.errors.imageId?.message}
          />
          <SaveFooter outcome={shownOutcome} saving={save.isPending} dirty={formState.isDirty} allowLeaving={allowLeaving} />
        </form>
        <section aria-labelledby="live-preview-heading" className="min-w-0 space-y-4 lg:sticky lg:top-6 lg:self-start">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div>
              <h2 id="live-preview-heading" className="text-lg font-semibold">
                Live preview
              </h2>
              <p className="text-sm text-slate-500">As districts will see it, updated as you type. Its button does nothing here.</p>
            </div>
            <GalleryPreviewDialog draft={draft} gallery={gallery} hiddenBecause={hiddenBecause(values.shown ?? false, application)} />
          </div>
          <PromoBanner banner={draft} applicationName={application.name} vendorName={application.vendorName} />
        </section>
      </div>
    </FormProvider>
  );
}

/** The banner as typed so far; while a colour is incomplete, the saved one stands in. */
function draftBanner(
  values: Partial<BannerInput>,
  saved: BannerInput,
  image: BannerImageInfo | null,
  application: BannerPageData["application"],
): GalleryBanner {
  const colour = (name: "backgroundColor" | "accentColor") => {
    const typed = (values[name] ?? "").trim().toLowerCase();
    return isHexColour(typed) ? typed : saved[name];
  };
  return {
    applicationId: application.id,
    applicationName: application.name,
    vendorName: application.vendorName,
    headline: values.headline ?? "",
    body: values.body ?? "",
    ctaLabel: values.ctaLabel ?? "",
    backgroundColor: colour("backgroundColor"),
    accentColor: colour("accentColor"),
    imageUrl: image?.url ?? null,
  };
}

function ShowSwitchExplanation({ application, live }: { application: BannerPageData["application"]; live: boolean }) {
  if (!application.autoProvisioning) {
    return (
      <>
        Available while auto-provisioning is on, because the banner&apos;s button starts a trial through your webhook.{" "}
        <Link href={`/apps/${application.id}/provisioning`} className="font-medium text-brand-700 underline hover:text-brand-600">
          Turn on auto-provisioning on the Provisioning tab
        </Link>
      </>
    );
  }
  if (live) return "Districts see this banner at the top of the Application Gallery.";
  return "When on and saved, districts see this banner at the top of the Application Gallery.";
}

function hiddenBecause(shown: boolean, application: BannerPageData["application"]): string | null {
  if (!application.autoProvisioning) return "Districts won't see this banner: auto-provisioning is off for this application.";
  if (!shown) return "Districts won't see this banner until “Show a promotion banner” is on and saved.";
  if (!application.published) return "Districts won't see this banner until this application is published in the gallery.";
  return null;
}
