using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Classroom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssignmentLessonMarkup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
