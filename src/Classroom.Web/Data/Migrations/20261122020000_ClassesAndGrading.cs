using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Classroom.Web.Data.Migrations;

/// <summary>Co-instructors, assignments, the score audit trail, and grading columns on responses.</summary>
[DbContext(typeof(ClassroomDbContext))]
[Migration("20261122020000_ClassesAndGrading")]
public sealed class ClassesAndGrading : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "ClassInstructors" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ClassInstructors" PRIMARY KEY AUTOINCREMENT,
                "ClassId" INTEGER NOT NULL,
                "InstructorId" TEXT NOT NULL,
                "AddedAt" TEXT NOT NULL,
                CONSTRAINT "FK_ClassInstructors_AspNetUsers_InstructorId" FOREIGN KEY ("InstructorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_ClassInstructors_Classes_ClassId" FOREIGN KEY ("ClassId") REFERENCES "Classes" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Assignments" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Assignments" PRIMARY KEY AUTOINCREMENT,
                "ClassId" INTEGER NOT NULL,
                "QuizVersionId" INTEGER NOT NULL,
                "LessonSlug" TEXT NOT NULL,
                "Title" TEXT NOT NULL,
                "OpensAt" TEXT NOT NULL,
                "DueAt" TEXT NOT NULL,
                "AttemptsAllowed" INTEGER NOT NULL,
                "TimeLimitMinutes" INTEGER NULL,
                "LatePolicy" TEXT NOT NULL,
                "ReviewPolicy" TEXT NOT NULL,
                "ReleasedAt" TEXT NULL,
                "CreatedAt" TEXT NOT NULL,
                "CreatedById" TEXT NOT NULL,
                CONSTRAINT "FK_Assignments_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_Assignments_Classes_ClassId" FOREIGN KEY ("ClassId") REFERENCES "Classes" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_Assignments_QuizVersions_QuizVersionId" FOREIGN KEY ("QuizVersionId") REFERENCES "QuizVersions" ("Id") ON DELETE RESTRICT
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "ScoreChanges" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ScoreChanges" PRIMARY KEY AUTOINCREMENT,
                "ResponseId" INTEGER NOT NULL,
                "ChangedById" TEXT NOT NULL,
                "ChangedAt" TEXT NOT NULL,
                "OldPoints" TEXT NULL,
                "NewPoints" TEXT NULL,
                "Reason" TEXT NULL,
                CONSTRAINT "FK_ScoreChanges_AspNetUsers_ChangedById" FOREIGN KEY ("ChangedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_ScoreChanges_Responses_ResponseId" FOREIGN KEY ("ResponseId") REFERENCES "Responses" ("Id") ON DELETE CASCADE
            );
            """);
        // New nullable columns can be added in place: existing responses keep every answer.
        migrationBuilder.Sql("""ALTER TABLE "Responses" ADD COLUMN "Feedback" TEXT NULL;""");
        migrationBuilder.Sql("""ALTER TABLE "Responses" ADD COLUMN "RubricJson" TEXT NULL;""");
        migrationBuilder.Sql("""ALTER TABLE "Responses" ADD COLUMN "Stamp" TEXT NULL;""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Assignments_ClassId" ON "Assignments" ("ClassId");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Assignments_CreatedById" ON "Assignments" ("CreatedById");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Assignments_QuizVersionId" ON "Assignments" ("QuizVersionId");""");
        migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_ClassInstructors_ClassId_InstructorId" ON "ClassInstructors" ("ClassId", "InstructorId");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_ClassInstructors_InstructorId" ON "ClassInstructors" ("InstructorId");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_ScoreChanges_ChangedById" ON "ScoreChanges" ("ChangedById");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_ScoreChanges_ResponseId" ON "ScoreChanges" ("ResponseId");""");
    }
}
