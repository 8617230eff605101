// What the demo instance holds: two vendors and their applications, three districts with
// their schools and the size of their generated rosters. Plain data; demo-data.ts loads it.

export const DEMO_PASSWORD = "rollcall-demo";

/** Where demo applications with auto-provisioning send their webhooks: Rollcall's own demo receiver. */
export const DEMO_RECEIVER_PATH = "/api/demo/webhook";

type DemoBanner = { headline: string; body: string; ctaLabel: string; backgroundColor: string; accentColor: string };

export type DemoApplication = {
  name: string;
  description: string;
  published: boolean;
  /** Auto-provisioning on, with the demo receiver as webhook URL. */
  autoProvisioning?: boolean;
  buttonLabel?: string;
  banner?: DemoBanner;
};

export const VENDORS: { name: string; admin: { email: string; name: string }; applications: DemoApplication[] }[] = [
  {
    name: "Acme Learning",
    admin: { email: "admin@acme-learning.example", name: "Avery Park" },
    applications: [
      { name: "Acme Math Studio", description: "Adaptive K-8 math practice with teacher dashboards and weekly progress reports.", published: true },
      { name: "Acme Reading Lab", description: "A leveled reading library with fluency checks for grades K-5.", published: true },
      {
        name: "Acme Science Quest",
        description: "Virtual labs and inquiry projects for middle school science, aligned to NGSS.",
        published: true,
        autoProvisioning: true,
        buttonLabel: "Add Science Quest",
        banner: {
          headline: "Bring science to life: 60 days free",
          body: "Every middle school class gets virtual labs, ready-made inquiry projects and progress reports. Your rosters sync by themselves.",
          ctaLabel: "Start free trial",
          backgroundColor: "#0f2e4c",
          accentColor: "#ffd166",
        },
      },
    ],
  },
  {
    name: "Brightpath Education",
    admin: { email: "admin@brightpath.example", name: "Jordan Ellis" },
    applications: [
      {
        name: "Brightpath Writing Coach",
        description: "Feedback on student essays in seconds, with rubrics teachers can adapt.",
        published: true,
        autoProvisioning: true,
        buttonLabel: "Add Writing Coach",
        banner: {
          headline: "Try Writing Coach with your teachers this term",
          body: "Instant, rubric-based feedback on every draft. Free for the rest of the school year.",
          ctaLabel: "Try it free",
          backgroundColor: "#fff7ed",
          accentColor: "#9a3412",
        },
      },
      { name: "Brightpath Attendance", description: "Daily attendance with parent notifications by text and email.", published: true },
      { name: "Brightpath Labs Preview", description: "Early access to new Brightpath tools.", published: false },
    ],
  },
];

export const DISTRICTS = [
  {
    name: "Springfield Public Schools",
    state: "IL",
    districtGuid: "5b0e6c1e-4f7a-4c2e-9d3b-2a8f1c7e9b01",
    admin: { email: "admin@springfield.example", name: "Morgan Reyes" },
    schools: ["Lincoln Elementary School", "Washington Elementary School", "Jefferson Middle School", "Springfield High School"],
    students: 2400,
  },
  {
    name: "Riverside Unified School District",
    state: "CA",
    districtGuid: "a3d1f9c4-8e2b-4b6a-b7c5-0f9e4d2a6c12",
    admin: { email: "admin@riverside.example", name: "Priya Natarajan" },
    schools: ["Riverside Elementary School", "Canyon View Middle School", "Riverside High School"],
    students: 1600,
  },
  {
    name: "Lakeview Community Schools",
    state: "MI",
    districtGuid: "e7c2b8a5-1d4f-4e9b-8a6c-3b5d7f9e1a23",
    admin: { email: "admin@lakeview.example", name: "Sam Okafor" },
    schools: ["Lakeview Elementary School", "Lakeview Middle School", "Lakeview High School"],
    students: 1000,
  },
];

/** Activations already in place, so the Customers and My applications pages have something to show. */
export const ACTIVATIONS = [
  { district: "Riverside Unified School District", application: "Acme Science Quest", mode: "standard" },
  { district: "Lakeview Community Schools", application: "Acme Reading Lab", mode: "standard" },
] as const;

/** Runs the demo instance: onboards vendors and districts, watches its health. */
export const DEMO_OPERATOR = { email: "operator@rollcall.example", name: "Robin Castillo" };

export const DEMO_LOGINS = [
  { email: "admin@acme-learning.example", description: "Vendor admin, Acme Learning" },
  { email: "admin@brightpath.example", description: "Vendor admin, Brightpath Education" },
  { email: "admin@springfield.example", description: "District admin, Springfield Public Schools" },
  { email: "operator@rollcall.example", description: "Operator of this Rollcall instance" },
] as const;
