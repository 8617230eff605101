// What schools teach, by grade: elementary grades are self-contained homerooms; middle and
// high school students take five core courses and one or two electives.
import type { Grade } from "@/lib/roster/types";

export type CourseDefinition = {
  code: string;
  title: string;
  subjects: string[];
  /** Teachers are hired per department; a department's teachers share its sections. */
  department: string;
};

export type Band = "elementary" | "middle" | "high";

export function bandOf(grade: Grade): Band {
  if (grade === "KG" || grade <= "05") return "elementary";
  return grade <= "08" ? "middle" : "high";
}

export function gradeLabel(grade: Grade): string {
  return grade === "KG" ? "Kindergarten" : `Grade ${Number(grade)}`;
}

/** The course of an elementary grade's homerooms. */
export function homeroomCourse(grade: Grade): CourseDefinition {
  // A self-contained classroom: one teacher teaches the core subjects.
  return { code: `HR${grade}`, title: gradeLabel(grade), subjects: ["English Language Arts", "Mathematics", "Science", "Social Studies"], department: "Elementary" };
}

const core = (code: string, title: string, subject: string): CourseDefinition => ({ code, title, subjects: [subject], department: subject });

/** Five core courses per secondary grade, one per department. */
const CORE: Partial<Record<Grade, CourseDefinition[]>> = {
  "06": [core("ELA6", "English Language Arts 6", "English Language Arts"), core("MATH6", "Mathematics 6", "Mathematics"), core("SCI6", "Earth Science", "Science"), core("SS6", "World Geography", "Social Studies"), core("PE6", "Physical Education 6", "Physical Education")],
  "07": [core("ELA7", "English Language Arts 7", "English Language Arts"), core("MATH7", "Mathematics 7", "Mathematics"), core("SCI7", "Life Science", "Science"), core("SS7", "World History and Cultures", "Social Studies"), core("PE7", "Physical Education 7", "Physical Education")],
  "08": [core("ELA8", "English Language Arts 8", "English Language Arts"), core("MATH8", "Pre-Algebra", "Mathematics"), core("SCI8", "Physical Science", "Science"), core("SS8", "U.S. History to 1877", "Social Studies"), core("PE8", "Physical Education 8", "Physical Education")],
  "09": [core("ENG9", "English 9", "English Language Arts"), core("ALG1", "Algebra I", "Mathematics"), core("BIO", "Biology", "Science"), core("WGEO", "World Geography", "Social Studies"), core("PE1", "Physical Education I", "Physical Education")],
  "10": [core("ENG10", "English 10", "English Language Arts"), core("GEOM", "Geometry", "Mathematics"), core("CHEM", "Chemistry", "Science"), core("WHIST", "World History", "Social Studies"), core("HLTH", "Health and Wellness", "Physical Education")],
  "11": [core("ENG11", "American Literature", "English Language Arts"), core("ALG2", "Algebra II", "Mathematics"), core("PHYS", "Physics", "Science"), core("USHIST", "U.S. History", "Social Studies"), core("PE2", "Physical Education II", "Physical Education")],
  "12": [core("ENG12", "British Literature", "English Language Arts"), core("PRECALC", "Precalculus", "Mathematics"), core("ENVSCI", "Environmental Science", "Science"), core("GOVECON", "Government and Economics", "Social Studies"), core("FIN", "Personal Finance", "Social Studies")],
};

export function coreCourses(grade: Grade): CourseDefinition[] {
  return CORE[grade] ?? [];
}

export type Elective = CourseDefinition & { weight: number };
const elective = (code: string, title: string, subject: string, department: string, weight: number): Elective => ({ code, title, subjects: [subject], department, weight });

/** Electives by band, most popular first: small schools offer only the first few. */
export const ELECTIVES: Record<"middle" | "high", Elective[]> = {
  middle: [
    elective("MS-ART", "Art", "Visual Arts", "Arts", 5),
    elective("MS-SPAN", "Exploratory Spanish", "World Languages", "World Languages", 5),
    elective("MS-BAND", "Band", "Music", "Arts", 4),
    elective("MS-CHOIR", "Choir", "Music", "Arts", 3),
    elective("MS-TECH", "Computer Science Discoveries", "Computer Science", "Technology", 4),
    elective("MS-DRAMA", "Drama", "Performing Arts", "Arts", 2),
    elective("MS-FRENCH", "Exploratory French", "World Languages", "World Languages", 2),
    elective("MS-ENG", "Engineering and Design", "Technology and Engineering", "Technology", 2),
  ],
  high: [
    elective("SPAN1", "Spanish I", "World Languages", "World Languages", 6),
    elective("SPAN2", "Spanish II", "World Languages", "World Languages", 4),
    elective("ART1", "Art I", "Visual Arts", "Arts", 4),
    elective("CSP", "Computer Science Principles", "Computer Science", "Technology", 3),
    elective("BAND", "Concert Band", "Music", "Arts", 3),
    elective("PSYCH", "Psychology", "Social Studies", "Social Studies", 3),
    elective("CHOIR", "Concert Choir", "Music", "Arts", 2),
    elective("FRENCH1", "French I", "World Languages", "World Languages", 2),
    elective("CERAM", "Ceramics", "Visual Arts", "Arts", 2),
    elective("APCSA", "AP Computer Science A", "Computer Science", "Technology", 1),
    elective("JOURN", "Journalism", "English Language Arts", "English Language Arts", 1),
    elective("THEATER", "Theater Arts", "Performing Arts", "Arts", 1),
    elective("ENGDES", "Engineering Design", "Technology and Engineering", "Technology", 1),
    elective("CULIN", "Culinary Arts", "Career and Technical Education", "Career and Technical Education", 1),
  ],
};

/** Teachers of elementary specials; each also co-teaches a share of the homerooms. */
export const ELEMENTARY_SPECIALS = ["Art", "Music", "Physical Education", "Library", "Special Education", "English Language Development", "Reading Intervention", "STEM"];
