using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Classroom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResponseAutoMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AutoMarksJson",
                table: "Responses",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AutoMarksJson",
                table: "Responses");
        }
    }
}
