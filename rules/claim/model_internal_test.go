package claim

import "testing"

// BenchmarkReadModel is what the first claim finding of a run pays to read
// the embedded model.
func BenchmarkReadModel(b *testing.B) {
	for b.Loop() {
		if _, err := readModel(modelTSV); err != nil {
			b.Fatal(err)
		}
	}
}

func TestReadModelErrors(t *testing.T) {
	for _, in := range []string{"bias\tx\n", "w:jobs 0.5\n", "jobs\t0.5\n"} {
		if _, err := readModel(in); err == nil {
			t.Errorf("%q read without error", in)
		}
	}
	m, err := readModel("# comment\nbias\t-1.5\ncheck_worthy_threshold\t0.5\nw:jobs\t0.25\nb:new jobs\t-0.125\n")
	if err != nil || m.bias != -1.5 || m.cw != 0.5 || m.w[featHash('w', "jobs", "")] != 0.25 || m.w[featHash('b', "new", "jobs")] != -0.125 {
		t.Errorf("read %+v, %v", m, err)
	}
}
