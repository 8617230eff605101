"use client";

// The banner's optional image: a native file input (keyboard and screen-reader friendly as
// it is), uploaded at once so the preview can show it, and a Remove image button. The
// server checks the content; the size check here only spares a pointless upload.
import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { BannerImageInfo } from "@/lib/banners/banners";
import { ACCEPTED_IMAGE_TYPES, IMAGE_TOO_LARGE, MAX_IMAGE_BYTES, MAX_IMAGE_SIDE } from "@/lib/banners/schema";

type BannerImagePickerProps = {
  applicationId: string;
  image: BannerImageInfo | null;
  onChange: (image: BannerImageInfo | null) => void;
  /** A problem with the chosen image found on save. */
  error?: string;
};

const UNREACHABLE = "The image could not be uploaded: the connection to Rollcall failed. Check your connection and choose the file again.";

export function BannerImagePicker({ applicationId, image, onChange, error }: BannerImagePickerProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadBannerImage(applicationId, file),
    onSuccess: (uploaded) => onChange(uploaded),
  });

  const choose = (file: File | undefined) => {
    if (!file) return;
    upload.reset();
    setLocalProblem(file.size > MAX_IMAGE_BYTES ? IMAGE_TOO_LARGE : null);
    if (file.size <= MAX_IMAGE_BYTES) upload.mutate(file);
  };

  const problem = localProblem ?? upload.error?.message ?? error ?? null;

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Banner image <span className="font-normal text-slate-500">(optional)</span>
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        PNG, JPEG or WebP, at most 1 MB and {MAX_IMAGE_SIDE} × {MAX_IMAGE_SIDE} pixels. Shown beside the text on wide screens.
      </p>
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept={ACCEPTED_IMAGE_TYPES.join(",")}
        aria-describedby={`${id}-hint`}
        aria-invalid={problem ? true : undefined}
        disabled={upload.isPending}
        onChange={(event) => {
          choose(event.target.files?.[0]);
          // Choosing the same file again after a refusal must still trigger a change.
          event.target.value = "";
        }}
        className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3.5 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
      />
      {upload.isPending ? (
        <p role="status" className="text-sm text-slate-600">
          Uploading {upload.variables.name}…
        </p>
      ) : null}
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      {image ? (
        <div className="flex items-center gap-3 rounded-md border border-slate-200 bg-slate-50 p-2">
          {/* eslint-disable-next-line @next/next/no-img-element -- a stored upload, served by Rollcall */}
          <img src={image.url} alt="Chosen banner image" className="h-12 w-20 rounded object-cover" />
          <p className="flex-1 text-sm text-slate-700">
            {image.width} × {image.height} pixels
          </p>
          <Button
            variant="secondary"
            onClick={() => {
              onChange(null);
              upload.reset();
              setLocalProblem(null);
              inputRef.current?.focus();
            }}
          >
            Remove image
          </Button>
        </div>
      ) : null}
    </div>
  );
}

const uploadedImageSchema = z.object({ id: z.string(), url: z.string(), width: z.number(), height: z.number() });

async function uploadBannerImage(applicationId: string, file: File): Promise<BannerImageInfo> {
  let response: Response;
  try {
    response = await fetch(`/api/vendor/applications/${applicationId}/banner-images`, {
      method: "POST",
      // The raw file: the server decides what it is from its content, not from this type.
      headers: { "content-type": file.type || "application/octet-stream" },
      body: file,
    });
  } catch {
    throw new Error(UNREACHABLE);
  }
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = answer && typeof answer === "object" && "error" in answer && typeof answer.error === "string" ? answer.error : null;
    throw new Error(message ?? `The image could not be uploaded (error ${response.status}). Try again.`);
  }
  const uploaded = uploadedImageSchema.safeParse(answer);
  if (!uploaded.success) throw new Error(`The image could not be uploaded: Rollcall gave an unexpected answer. Try again.`);
  return uploaded.data;
}
