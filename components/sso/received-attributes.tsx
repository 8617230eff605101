// Every attribute a test sign-in received: its name and friendly label, its values, the fields
// the district's mapping takes from it, and a hint when it is not one of the supported names.
import { suggestSupportedAttribute } from "@/components/sso/attribute-suggestion";
import { attributeLabel, FIELD_LABELS, supportedAttribute } from "@/lib/sso/attributes";
import { MAPPED_FIELDS, type AttributeMapping } from "@/lib/sso/types";

const headerCell = "px-2.5 py-2 text-left align-bottom text-xs font-semibold text-slate-600";
const cell = "px-2.5 py-2 align-top";

type ReceivedAttributesProps = { attributes: Record<string, string[]>; friendlyNames: Record<string, string>; mapping: AttributeMapping };

export function ReceivedAttributes({ attributes, friendlyNames, mapping }: ReceivedAttributesProps) {
  const names = Object.keys(attributes).sort((a, b) => attributeLabel(a).localeCompare(attributeLabel(b)));
  const unreleased = MAPPED_FIELDS.filter((field) => mapping[field] && !Object.hasOwn(attributes, mapping[field]!));

  return (
    <div className="space-y-3">
      {names.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-6 text-sm text-slate-600">
          The identity provider released no attributes. Add the attributes in the mapping to the SAML application&apos;s claims or attribute release
          policy.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Attributes received</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={headerCell}>Attribute</th>
                <th scope="col" className={headerCell}>Values</th>
                <th scope="col" className={headerCell}>Used for</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {names.map((name) => {
                const usedFor = MAPPED_FIELDS.filter((field) => mapping[field] === name).map((field) => FIELD_LABELS[field]);
                const supported = supportedAttribute(name);
                const suggestion = suggestSupportedAttribute(name, friendlyNames[name]);
                return (
                  <tr key={name} className={usedFor.length > 0 ? "bg-emerald-50/60" : undefined}>
                    <td className={`${cell} max-w-80 break-all`}>
                      {supported || friendlyNames[name] ? <span className="block font-medium">{supported?.friendlyName ?? friendlyNames[name]}</span> : null}
                      <span className="block font-mono text-xs text-slate-500">{name}</span>
                      {supported ? null : (
                        <span className="mt-1 block text-xs text-amber-900">
                          Not one of the supported attributes
                          {suggestion ? (
                            <>
                              ; release it as <code>{suggestion.name}</code> ({suggestion.friendlyName})
                            </>
                          ) : null}
                          .
                        </span>
                      )}
                    </td>
                    <td className={`${cell} break-all`}>
                      {attributes[name]!.length === 0 ? (
                        <span className="text-slate-500">(no value)</span>
                      ) : (
                        <ul>
                          {attributes[name]!.map((value, index) => (
                            <li key={index}>{value}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className={cell}>{usedFor.length > 0 ? <span className="font-medium text-emerald-800">✓ {usedFor.join(", ")}</span> : <span className="text-slate-500">Not used</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {unreleased.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-amber-900">
          {unreleased.map((field) => (
            <li key={field}>
              {FIELD_LABELS[field]} is mapped to {attributeLabel(mapping[field]!)}, which was not released.
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
