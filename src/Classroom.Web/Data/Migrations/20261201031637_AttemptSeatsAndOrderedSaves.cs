using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Classroom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AttemptSeatsAndOrderedSaves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "Responses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "Attempts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "OpenScope",
                table: "Attempts",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "Attempts",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LessonMarkup",
                table: "Assignments",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "OpenBook");

            // Existing attempts take their scope and their place in it, in the order they were started.
            migrationBuilder.Sql("""
                UPDATE "Attempts" SET "Scope" = CASE WHEN "AssignmentId" IS NOT NULL THEN 'assignment:' || "AssignmentId"
                    ELSE 'practice:' || (SELECT v."QuizSlug" FROM "QuizVersions" v WHERE v."Id" = "Attempts"."QuizVersionId") END;
                """);
            migrationBuilder.Sql("""
                UPDATE "Attempts" SET "Number" = (SELECT COUNT(*) FROM "Attempts" b
                    WHERE b."StudentId" = "Attempts"."StudentId" AND b."Scope" = "Attempts"."Scope" AND b."Id" <= "Attempts"."Id");
                """);
            // An open attempt holds its scope's one open place; if the old race left two open, the newer holds it and
            // the older stays open (nothing is lost) but outside the index.
            migrationBuilder.Sql("""
                UPDATE "Attempts" SET "OpenScope" = "Scope" WHERE "Status" = 'InProgress' AND NOT EXISTS (SELECT 1 FROM "Attempts" b
                    WHERE b."StudentId" = "Attempts"."StudentId" AND b."Scope" = "Attempts"."Scope" AND b."Status" = 'InProgress' AND b."Id" > "Attempts"."Id");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_StudentId_OpenScope",
                table: "Attempts",
                columns: new[] { "StudentId", "OpenScope" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_StudentId_Scope_Number",
                table: "Attempts",
                columns: new[] { "StudentId", "Scope", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Attempts_StudentId_OpenScope",
                table: "Attempts");

            migrationBuilder.DropIndex(
                name: "IX_Attempts_StudentId_Scope_Number",
                table: "Attempts");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Attempts");

            migrationBuilder.DropColumn(
                name: "OpenScope",
                table: "Attempts");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "Attempts");

            migrationBuilder.DropColumn(
                name: "LessonMarkup",
                table: "Assignments");
        }
    }
}
