using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Classroom.Web.Data.Migrations;

/// <summary>Quiz versions, attempts and their responses.</summary>
[DbContext(typeof(ClassroomDbContext))]
[Migration("20261122010000_QuizAttempts")]
public sealed class QuizAttempts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "QuizVersions" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_QuizVersions" PRIMARY KEY AUTOINCREMENT,
                "QuizSlug" TEXT NOT NULL,
                "ContentHash" TEXT NOT NULL,
                "DefinitionJson" TEXT NOT NULL,
                "CreatedAt" TEXT NOT NULL
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Attempts" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Attempts" PRIMARY KEY AUTOINCREMENT,
                "QuizVersionId" INTEGER NOT NULL,
                "StudentId" TEXT NOT NULL,
                "AssignmentId" INTEGER NULL,
                "Status" TEXT NOT NULL,
                "StartedAt" TEXT NOT NULL,
                "DeadlineAt" TEXT NULL,
                "SubmittedAt" TEXT NULL,
                "LastSavedAt" TEXT NULL,
                "Score" TEXT NULL,
                "MaxScore" TEXT NOT NULL,
                CONSTRAINT "FK_Attempts_AspNetUsers_StudentId" FOREIGN KEY ("StudentId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_Attempts_QuizVersions_QuizVersionId" FOREIGN KEY ("QuizVersionId") REFERENCES "QuizVersions" ("Id") ON DELETE RESTRICT
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Responses" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Responses" PRIMARY KEY AUTOINCREMENT,
                "AttemptId" INTEGER NOT NULL,
                "QuestionId" TEXT NOT NULL,
                "AnswerJson" TEXT NOT NULL,
                "SavedAt" TEXT NOT NULL,
                "AutoPoints" TEXT NULL,
                "Points" TEXT NULL,
                "NeedsGrading" INTEGER NOT NULL,
                CONSTRAINT "FK_Responses_Attempts_AttemptId" FOREIGN KEY ("AttemptId") REFERENCES "Attempts" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_Attempts_AssignmentId" ON "Attempts" ("AssignmentId");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Attempts_QuizVersionId" ON "Attempts" ("QuizVersionId");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Attempts_StudentId_QuizVersionId" ON "Attempts" ("StudentId", "QuizVersionId");""");
        migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_QuizVersions_QuizSlug_ContentHash" ON "QuizVersions" ("QuizSlug", "ContentHash");""");
        migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_Responses_AttemptId_QuestionId" ON "Responses" ("AttemptId", "QuestionId");""");
    }
}
